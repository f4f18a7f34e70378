using System.Globalization;
using System.Runtime.InteropServices;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Schedules;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Facts;
using CampaignEngine.Guards;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Evaluation;

/// <summary>
/// Decides, for a moment T, who gets which message: the campaigns due at T (by priority, then id), each
/// one's audience and rules (first firing rule wins per customer and occurrence), then the guards in
/// order — opt-out, holdout, frequency caps, quiet hours, budget, loyal price, reachability — and emits
/// one <see cref="Decision"/> per customer whose rule fired: a send (recorded in the contact history at
/// once, so later campaigns' caps see it) or a suppression with its reason. Customers whose rule did
/// not fire produce nothing and cost no allocation. See docs/evaluation.md.
/// <para>
/// The evaluator owns its <see cref="FactTable"/>: it computes it on the first call and advances it
/// incrementally to each later moment (only customers with events in between are recomputed); a call
/// for an earlier moment recomputes it. Calls are meant to come in time order.
/// </para>
/// </summary>
public sealed class CampaignEvaluator
{
    private const int BlockSize = 4096;

    private readonly Campaign<FactTable>[] campaigns;
    private readonly EngineConfig config;
    private readonly OrderHistory history;
    private readonly IContactHistory contacts;
    private readonly IChannelCosts costs;
    private readonly FestivalCalendar calendar;
    private readonly TimeZoneInfo zone;
    private readonly FrequencyCapGuard caps;
    private readonly BudgetLedger budget;
    private readonly LoyalPriceGuard loyalPrice;
    private readonly ContactHistory factContacts;
    private readonly CustomerOverlay overlay = new();
    private readonly Dictionary<Campaign<FactTable>, CampaignState> states = new(ReferenceEqualityComparer.Instance);
    // The dry-run's store: asked by history row and key hash, which spares each decision a key string.
    private readonly SimulatedContactHistory? simulated;
    private readonly Addresses[] addresses;
    private readonly Dictionary<string, DateTimeOffset> evaluatedUntil = new(StringComparer.Ordinal);
    private readonly int[] ruleOf;
    private readonly int[] stamp;
    private int stampValue;
    private readonly int[] block = new int[BlockSize];
    private readonly int[] selected = new int[BlockSize];
    private readonly int[] remaining = new int[BlockSize];
    // The rows of the last selected block whose rule fired or failed, ascending: a scheduled run visits only
    // these instead of scanning its 4,096 rows again (a year at 1M runs ~500k blocks with ~130 firing each).
    private int[] fired = new int[BlockSize];
    private int[] firedMerge = new int[BlockSize];
    private int firedCount;
    private bool firedUnordered;
    private readonly Dictionary<int, string> ruleErrors = [];
    private FactTable? facts;
    private Occurrences.BirthdayIndex? birthdays;

    public CampaignEvaluator(
        IReadOnlyList<Campaign<FactTable>> campaigns,
        EngineConfig config,
        OrderHistory history,
        IContactHistory contacts,
        IChannelCosts? costs = null,
        FestivalCalendar? calendar = null)
    {
        // Competing campaigns: lower priority number first, then id — deterministic whatever the file order.
        this.campaigns = [.. campaigns.Where(c => c.Enabled).OrderBy(c => c.Priority).ThenBy(c => c.Id, StringComparer.Ordinal)];
        this.config = config;
        this.history = history;
        this.contacts = contacts;
        this.costs = costs ?? new ConfiguredChannelCosts(config);
        budget = new BudgetLedger();
        this.calendar = calendar ?? (config.ShopDays.Count > 0 ? FestivalCalendar.Default.WithShopDays(config.ShopDays) : FestivalCalendar.Default);
        zone = config.TimeZone;
        caps = new FrequencyCapGuard(contacts, config.GlobalCaps, zone);
        loyalPrice = new LoyalPriceGuard(history, config.LoyalPriceDays > 0 ? config.LoyalPriceDays : 30);
        ruleOf = new int[history.CustomerCount];
        Array.Fill(ruleOf, -1);
        stamp = new int[history.CustomerCount];
        addresses = new Addresses[history.CustomerCount];
        simulated = contacts as SimulatedContactHistory;
        factContacts = ContactHistory.From(history.CustomerCount, contacts.ContactsSince(DateTimeOffset.MinValue)
            .Select(c => (Row: history.FindCustomer(c.CustomerId), Moment: ShopLocal(c.At)))
            .Where(c => c.Row >= 0));
    }

    /// <summary>
    /// What earlier runs already spent per campaign and shop day (a live run's state store), so that several
    /// `campaign run`s on one day share the daily budget instead of each spending it afresh.
    /// </summary>
    public Func<string, DateOnly, long>? BudgetSpentEarlier { init => budget = new BudgetLedger(value); }

    /// <summary>How far back event occurrences are looked for on the first call (later calls continue where the last one ended). One day by default.</summary>
    public TimeSpan EventLookback { get; init; } = TimeSpan.FromDays(1);

    /// <summary>When set, where the evaluation's time goes (see <see cref="EvaluationTimings"/>).</summary>
    public EvaluationTimings? Timings { get; init; }

    /// <summary>The campaigns evaluated, in the order they get their turn.</summary>
    public IReadOnlyList<Campaign<FactTable>> Campaigns => campaigns;

    /// <summary>The facts as of the last evaluated moment (null before the first call).</summary>
    internal FactTable? Facts => facts;

    internal OrderHistory History => history;

    /// <summary>Every decision for <paramref name="moment"/> as a list (fine for a shop; use the sink overload for a million customers).</summary>
    public IReadOnlyList<Decision> Evaluate(DateTimeOffset moment)
    {
        var list = new List<Decision>();
        Evaluate(moment, list.Add);
        return list;
    }

    /// <summary>
    /// Evaluates every campaign due at <paramref name="moment"/>, handing each decision to
    /// <paramref name="decisions"/> as it is made, and each tag/level change to <paramref name="changes"/>.
    /// </summary>
    public void Evaluate(DateTimeOffset moment, Action<Decision> decisions, Action<CustomerChange>? changes = null)
        => Evaluate(moment, new DecisionObjects(decisions), changes);

    /// <summary>As <see cref="Evaluate(DateTimeOffset, Action{Decision}, Action{CustomerChange}?)"/>, handing each decision as a value: no object per decision.</summary>
    internal void Evaluate(DateTimeOffset moment, IDecisionSink decisions, Action<CustomerChange>? changes = null)
    {
        var start = Timings is null ? 0 : EvaluationTimings.Now;
        var table = FactsAt(moment);
        Timings?.Add(EvaluationPhase.Facts, start);
        var now = ShopSecond(moment);
        foreach (var campaign in campaigns)
        {
            var since = evaluatedUntil.TryGetValue(campaign.Id, out var until) ? until : moment - EventLookback;
            if (since >= moment)
            {
                continue;
            }

            evaluatedUntil[campaign.Id] = moment;
            var run = new Run(this, campaign, table, since, moment, decisions, changes);
            if (campaign.Schedule is { } schedule)
            {
                if (ScheduledDue(schedule, since, moment))
                {
                    run.AllRows(DateOnly.FromDayNumber(table.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
            }
            else if (campaign.Trigger is { } trigger)
            {
                EvaluateEvent(run, trigger, ShopSecond(since), now);
            }
        }
    }

    /// <summary>Whether a scheduled campaign has a due moment after <paramref name="since"/>, at or before the moment, on the moment's shop day (earlier days are not caught up: their messages would be stale).</summary>
    internal bool ScheduledDue(Schedule schedule, DateTimeOffset since, DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone).DateTime;
        var dayStart = ShopTime.ToMoment(DateOnly.FromDateTime(local), TimeOnly.MinValue, zone);
        var from = since + TimeSpan.FromTicks(1) > dayStart ? since + TimeSpan.FromTicks(1) : dayStart;
        return schedule.DueMoments(from, moment + TimeSpan.FromTicks(1), zone).Any();
    }

    private void EvaluateEvent(Run run, EventTrigger trigger, long since, long now)
    {
        var offset = (long)trigger.Offset.TotalSeconds;
        var from = since - offset;
        var to = now - offset;
        if (trigger.Event == CustomerEvent.Holiday)
        {
            if (trigger.Festival is { } name && calendar.TryFind(name, out var festival))
            {
                foreach (var year in Occurrences.FestivalYears(calendar, festival, from, to))
                {
                    run.AllRows(Occurrences.Text(CustomerEvent.Holiday, festival.Id, history, year));
                }
            }

            return;
        }

        var start = Timings is null ? 0 : EvaluationTimings.Now;
        var candidates = new List<EventCandidate>();
        if (trigger.Event == CustomerEvent.Birthday)
        {
            Occurrences.Birthdays(birthdays ??= new Occurrences.BirthdayIndex(history), from, to, candidates);
        }
        else
        {
            Occurrences.OrderEvents(history, trigger.Event, from, to, candidates);
        }

        Timings?.Add(EvaluationPhase.Events, start, candidates.Count);
        run.Events(candidates, (keys, texts) => Occurrences.Texts(trigger.Event, null, history, keys, texts));
    }

    /// <summary>One customer's occurrences of an event campaign in (since, moment], for explain.</summary>
    internal IReadOnlyList<string> OccurrencesOf(EventTrigger trigger, int row, DateTimeOffset since, DateTimeOffset moment)
    {
        var offset = (long)trigger.Offset.TotalSeconds;
        var from = ShopSecond(since) - offset;
        var to = ShopSecond(moment) - offset;
        if (trigger.Event == CustomerEvent.Holiday)
        {
            return trigger.Festival is { } name && calendar.TryFind(name, out var festival)
                ? [.. Occurrences.FestivalYears(calendar, festival, from, to).Select(y => Occurrences.Text(CustomerEvent.Holiday, festival.Id, history, y))]
                : [];
        }

        var candidates = new List<EventCandidate>();
        if (trigger.Event == CustomerEvent.Birthday)
        {
            Occurrences.Birthdays(birthdays ??= new Occurrences.BirthdayIndex(history), from, to, candidates);
        }
        else
        {
            Occurrences.OrderEvents(history, trigger.Event, from, to, candidates);
        }

        return [.. candidates.Where(c => c.Row == row).Select(c => Occurrences.Text(trigger.Event, null, history, c.Key))];
    }

    private FactTable FactsAt(DateTimeOffset moment)
    {
        var local = ShopLocal(moment);
        var day = DateOnly.FromDateTime(local).DayNumber;
        var second = (int)(local.TimeOfDay.Ticks / TimeSpan.TicksPerSecond);
        if (facts is null || day < facts.Day || (day == facts.Day && second < facts.Second))
        {
            facts = FactTable.AsOf(history, local, factContacts);
            facts.Overlay = overlay;
        }
        else if (day > facts.Day || second > facts.Second)
        {
            facts.AdvanceTo(DateOnly.FromDayNumber(day), second);
        }

        return facts;
    }

    internal DateTime ShopLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, zone).DateTime;

    internal long ShopSecond(DateTimeOffset moment)
    {
        var local = ShopLocal(moment);
        return DateOnly.FromDateTime(local).DayNumber * 86400L + (long)(local.TimeOfDay.Ticks / TimeSpan.TicksPerSecond);
    }

    /// <summary>
    /// Runs the audience and the rules over a block of distinct rows; afterwards <see cref="ruleOf"/> holds each
    /// row's firing rule (or −1, or −2 when a rule failed), and <see cref="fired"/> the rows that are not −1, ascending.
    /// </summary>
    private void Select(Campaign<FactTable> campaign, FactTable table, int count)
    {
        var start = Timings is null ? 0 : EvaluationTimings.Now;
        firedCount = 0;
        firedUnordered = false;
        SelectRules(campaign, table, count);
        if (firedUnordered)
        {
            Array.Sort(fired, 0, firedCount);
        }

        Timings?.Add(EvaluationPhase.Rules, start, count);
    }

    private void SelectRules(Campaign<FactTable> campaign, FactTable table, int count)
    {
        // A rule whose parts that are the same for everyone are false (is_holiday("春节") on another day) fires
        // for nobody: when that holds for every rule, neither the audience nor the rules read a row.
        var anyMayFire = false;
        for (var r = 0; r < campaign.Rules.Count && !anyMayFire; r++)
        {
            anyMayFire = campaign.Rules[r].When.MayHoldForAnyone(table);
        }

        if (!anyMayFire)
        {
            return;
        }

        var n = count;
        if (campaign.Audience is { } audience)
        {
            n = Filter(audience, table, block, n, remaining, -1);
        }
        else
        {
            Array.Copy(block, remaining, n);
        }

        for (var r = 0; r < campaign.Rules.Count && n > 0; r++)
        {
            if (!campaign.Rules[r].When.MayHoldForAnyone(table))
            {
                continue;
            }

            var k = Filter(campaign.Rules[r].When, table, remaining, n, selected, r);
            for (var i = 0; i < k; i++)
            {
                ruleOf[selected[i]] = r;
            }

            AddFired(selected.AsSpan(0, k));

            if (r == campaign.Rules.Count - 1)
            {
                break; // no later rule needs the rows left
            }

            var m = 0;
            for (var i = 0; i < n; i++)
            {
                if (ruleOf[remaining[i]] == -1)
                {
                    remaining[m++] = remaining[i];
                }
            }

            n = m;
        }
    }

    /// <summary>Adds one rule's firing rows (ascending, as every filter gives them) to <see cref="fired"/>, keeping it ascending: a merge, not a sort, as ~500k blocks a year at 1M do this.</summary>
    private void AddFired(ReadOnlySpan<int> rows)
    {
        if (rows.IsEmpty)
        {
            return;
        }

        if (firedCount == 0 || fired[firedCount - 1] < rows[0])
        {
            rows.CopyTo(fired.AsSpan(firedCount));
            firedCount += rows.Length;
            return;
        }

        int a = 0, b = 0, n = 0;
        while (a < firedCount && b < rows.Length)
        {
            firedMerge[n++] = fired[a] < rows[b] ? fired[a++] : rows[b++];
        }

        fired.AsSpan(a, firedCount - a).CopyTo(firedMerge.AsSpan(n));
        n += firedCount - a;
        rows[b..].CopyTo(firedMerge.AsSpan(n));
        n += rows.Length - b;
        (fired, firedMerge) = (firedMerge, fired);
        firedCount = n;
    }

    /// <summary>The block filter; when it throws, row by row, so that a failing row is reported (rule −2) and the others still decide.</summary>
    private int Filter(CompiledCondition<FactTable> condition, FactTable table, int[] rows, int count, int[] into, int rule)
    {
        try
        {
            return condition.Filter(table, rows, count, into);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var k = 0;
            var copy = rows[..count];
            foreach (var row in copy)
            {
                try
                {
                    if (condition.Test(table, row))
                    {
                        into[k++] = row;
                    }
                }
                catch (Exception rowError) when (rowError is not OutOfMemoryException)
                {
                    ruleOf[row] = -2;
                    fired[firedCount++] = row;
                    firedUnordered = true; // rare: sorted once the block is done
                    ruleErrors[row] = $"{(rule < 0 ? "the audience" : "rule condition")} '{condition.Text}' failed: {rowError.Message}";
                }
            }

            return k;
        }
    }

    /// <summary>Makes the occurrence texts of event keys (see <see cref="Occurrences.Texts"/>).</summary>
    private delegate void OccurrenceTexts(ReadOnlySpan<int> keys, Span<string> texts);

    /// <summary>One campaign's evaluation at one moment.</summary>
    private sealed class Run(CampaignEvaluator owner, Campaign<FactTable> campaign, FactTable table, DateTimeOffset since, DateTimeOffset moment, IDecisionSink decisions, Action<CustomerChange>? changes)
    {
        private SendTiming? timing;
        private CampaignState? state;

        private SendTiming Timing => timing ??= owner.TimingOf(campaign, since, moment);

        private CampaignState State => state ??= owner.StateOf(campaign);

        /// <summary>Every customer, one occurrence each (a scheduled run, a festival).</summary>
        public void AllRows(string occurrence)
        {
            var rows = owner.history.CustomerCount;
            for (var start = 0; start < rows; start += BlockSize)
            {
                var count = Math.Min(BlockSize, rows - start);
                for (var i = 0; i < count; i++)
                {
                    owner.block[i] = start + i;
                }

                owner.Select(campaign, table, count);
                var fired = owner.fired.AsSpan(0, owner.firedCount);
                for (var i = 0; i < fired.Length; i++)
                {
                    owner.PrefetchAhead(State, fired, i);
                    Fire(fired[i], occurrence);
                    owner.ruleOf[fired[i]] = -1;
                }
            }
        }

        /// <summary>Event occurrences: each distinct customer is evaluated once, then every occurrence of a firing customer decides.</summary>
        public void Events(List<EventCandidate> candidates, OccurrenceTexts occurrences)
        {
            if (candidates.Count == 0)
            {
                return;
            }

            owner.stampValue++;
            var count = 0;
            for (var i = 0; i < candidates.Count; i++)
            {
                // Candidates are scattered customers: their marks are asked for a few ahead (see PrefetchAhead).
                if (i + SlotsAhead < candidates.Count)
                {
                    Memory.Prefetch.Element(owner.stamp, candidates[i + SlotsAhead].Row);
                    Memory.Prefetch.Element(owner.ruleOf, candidates[i + SlotsAhead].Row);
                }

                var candidate = candidates[i];
                if (owner.stamp[candidate.Row] == owner.stampValue)
                {
                    continue;
                }

                owner.stamp[candidate.Row] = owner.stampValue;
                owner.block[count++] = candidate.Row;
                if (count == BlockSize)
                {
                    owner.Select(campaign, table, count);
                    count = 0;
                }
            }

            if (count > 0)
            {
                owner.Select(campaign, table, count);
            }

            // The occurrences of firing customers, in the candidates' order, so that their data can be asked for ahead.
            var rows = new List<int>();
            var keys = new List<int>();
            foreach (var candidate in candidates)
            {
                if (owner.ruleOf[candidate.Row] != -1)
                {
                    rows.Add(candidate.Row);
                    keys.Add(candidate.Key);
                }
            }

            var texts = new string[keys.Count];
            occurrences(CollectionsMarshal.AsSpan(keys), texts);
            var firing = CollectionsMarshal.AsSpan(rows);
            for (var i = 0; i < firing.Length; i++)
            {
                owner.PrefetchAhead(State, firing, i);
                Fire(firing[i], texts[i]);
            }

            foreach (var candidate in candidates)
            {
                owner.ruleOf[candidate.Row] = -1;
            }
        }

        private void Fire(int row, string occurrence)
        {
            var customerId = owner.history.CustomerIdOf(row);
            if (owner.ruleOf[row] == -2)
            {
                var error = owner.ruleErrors.Remove(row, out var message) ? message : "the condition failed";
                decisions.Add(new DecisionValue(campaign.Id, "", customerId, occurrence, moment, moment, null, "", null, 0,
                    new Suppression("evaluation", "condition_failed", error), row));
                return;
            }

            var r = owner.ruleOf[row];
            var rule = campaign.Rules[r];
            for (var a = 0; a < rule.Actions.Count; a++)
            {
                switch (rule.Actions[a])
                {
                    case SendAction send:
                        var start = owner.Timings is null ? 0 : EvaluationTimings.Now;
                        var decision = owner.Decide(campaign, State, rule, send, State.PlanOf(r, a), table, row, customerId, occurrence, Timing);
                        start = owner.Timings?.Add(EvaluationPhase.Decisions, start) ?? 0;
                        decisions.Add(decision);
                        owner.Timings?.Add(EvaluationPhase.Report, start);
                        break;
                    case TagAction tag:
                        owner.overlay.SetTag(row, tag.Tag, true);
                        changes?.Invoke(new CustomerChange(campaign.Id, rule.Name, customerId, occurrence, moment, CustomerChangeKind.Tag, tag.Tag));
                        break;
                    case UntagAction untag:
                        owner.overlay.SetTag(row, untag.Tag, false);
                        changes?.Invoke(new CustomerChange(campaign.Id, rule.Name, customerId, occurrence, moment, CustomerChangeKind.Untag, untag.Tag));
                        break;
                    case SetLevelAction level:
                        owner.overlay.SetLevel(row, level.Level);
                        changes?.Invoke(new CustomerChange(campaign.Id, rule.Name, customerId, occurrence, moment, CustomerChangeKind.SetLevel, level.Level));
                        break;
                }
            }
        }
    }

    /// <summary>The guards for one send, in the documented order; records the send when every guard lets it through.</summary>
    private DecisionValue Decide(Campaign<FactTable> campaign, CampaignState state, CompiledRule<FactTable> rule, SendAction send, SendPlan plan, FactTable table, int row, string customerId, string occurrence, SendTiming timing)
    {
        var (moment, sendAt) = (timing.Moment, timing.SendAt);
        DecisionValue Make(string? channel, RenderedMessage? message, long cost, Suppression? suppression)
            => new(campaign.Id, rule.Name, customerId, occurrence, moment, sendAt, channel, send.Template, message, cost, suppression, row);

        // The dry-run's store keeps only the key's hash: no key text is made unless a repeat is reported,
        // and only the contacts that can hold the key are read (see SendTiming.RepeatsAfter).
        // A customer with no contact since then cannot hold the key: the hash waits until the send is recorded
        // (most decisions of a long dry-run are capped, and never are).
        var byRow = simulated is not null && simulated.KnowsRow(row);
        ulong keyHash = 0;
        var key = byRow ? null : IdempotencyKeys.For(campaign.Id, rule.Name, customerId, occurrence);
        if (byRow
                ? simulated!.HasContactsAfter(row, timing.RepeatsAfter.UtcTicks) && simulated.WasSent(row, keyHash = IdempotencyKeys.Hash(campaign.Id, rule.Name, row, occurrence), timing.RepeatsAfter.UtcTicks)
                : contacts.WasSent(customerId, key!, row))
        {
            key ??= IdempotencyKeys.For(campaign.Id, rule.Name, customerId, occurrence);
            return Make(null, null, 0, new Suppression("idempotency", "already_sent", $"this occurrence was already sent (key {key})"));
        }

        var optOuts = history.OptOuts[row];
        if (plan.OptedOut(optOuts) is { } optedOut)
        {
            return Make(null, null, 0, optedOut);
        }

        var choice = plan.Choose(optOuts, AddressesOf(row));
        var channel = choice >= 0 ? plan.Channels[choice] : null;

        // Rendered only when a guard needs the text: a holdout records what it would have got, the budget
        // needs the cost. A capped customer (most suppressions of a long dry-run) costs no rendering.
        RenderedMessage? message = null;
        long cost = 0;
        Suppression? Render()
        {
            if (channel is null)
            {
                return null;
            }

            var (text, values, error) = plan.Render(choice, table, row);
            if (text is null)
            {
                return new Suppression("template", "render_failed", $"template '{send.Template}' ({channel}) failed to render: {error}");
            }

            message = new RenderedMessage(Reachability.AddressOf(history, row, channel)!, text.Body, text.Subject, text.Html, campaign.Marketing, values);
            cost = costs.EstimateFen(channel, text);
            return null;
        }

        if (state.IsHeldOut(row, customerId))
        {
            return Render() is { } failed
                ? Make(channel, null, 0, failed)
                : Make(channel, message, cost, state.HoldoutReason(row, customerId));
        }

        if (caps.Check(timing.Caps, customerId, row) is { } capped)
        {
            return Make(channel, null, 0, capped);
        }

        if (Render() is { } renderFailed)
        {
            return Make(channel, null, 0, renderFailed);
        }

        if (timing.Budget.Check(campaign.Limits.Budget, cost) is { } spent)
        {
            return Make(channel, message, cost, spent);
        }

        if (loyalPrice.Check(send.With, row, timing.MomentSecond) is { } undercuts)
        {
            return Make(channel, message, cost, undercuts);
        }

        if (channel is null)
        {
            return Make(null, null, 0, new Suppression(Reachability.Name, "unreachable",
                $"no channel of {string.Join(", ", plan.Channels)} reaches the customer (sms needs a phone, email an address, group channels a customer group) with a text in template '{send.Template}'"));
        }

        timing.Budget.Spend(cost);
        if (byRow)
        {
            if (keyHash == 0)
            {
                keyHash = IdempotencyKeys.Hash(campaign.Id, rule.Name, row, occurrence);
            }

            simulated!.Record(row, customerId, sendAt.UtcTicks, keyHash, timing.Caps.CampaignId, plan.SourceId(choice, simulated), timing.RepeatsAfter.UtcTicks);
        }
        else
        {
            contacts.Record(new Contact(campaign.Id, rule.Name, customerId, channel, sendAt, key!) { CustomerRow = row });
        }

        factContacts.Add(row, timing.SendAtSecond);
        return Make(channel, message, cost, null);
    }

    // How many decisions ahead the per-customer slots, then what they point at (the latest contacts), are asked for.
    private const int SlotsAhead = 8;
    private const int ContactsAhead = 4;

    /// <summary>
    /// Before deciding for <c>rows[i]</c>: asks the processor for what the guards will read a few decisions
    /// later, so that the memory fetches overlap instead of each decision waiting for its own. A year at 1M
    /// decides a hundred million times for customers scattered over a dozen per-customer arrays, and without
    /// this most of a decision's time is those waits.
    /// </summary>
    private void PrefetchAhead(CampaignState state, ReadOnlySpan<int> rows, int i)
    {
        if (i == 0)
        {
            for (var j = 0; j < Math.Min(SlotsAhead, rows.Length); j++)
            {
                PrefetchSlots(state, rows[j]);
            }

            for (var j = 0; j < Math.Min(ContactsAhead, rows.Length); j++)
            {
                PrefetchContacts(rows[j]);
            }
        }

        if (i + SlotsAhead < rows.Length)
        {
            PrefetchSlots(state, rows[i + SlotsAhead]);
        }

        if (i + ContactsAhead < rows.Length)
        {
            PrefetchContacts(rows[i + ContactsAhead]);
        }
    }

    private void PrefetchContacts(int row)
    {
        simulated?.Prefetch(row);
        factContacts.PrefetchAdded(row);
    }

    private void PrefetchSlots(CampaignState state, int row)
    {
        simulated?.PrefetchSlot(row);
        factContacts.PrefetchAddedSlot(row);
        Memory.Prefetch.Element(history.OptOuts, row);
        Memory.Prefetch.Element(addresses, row);
        history.CustomerIds.PrefetchName(row);
        state.PrefetchRank(row);
    }

    /// <summary>The customer's kinds of address, read from the history once.</summary>
    private Addresses AddressesOf(int row)
    {
        if (addresses[row] == Addresses.None)
        {
            addresses[row] = Reachability.Of(history, row);
        }

        return addresses[row];
    }

    /// <summary>The public API's sink: an object per decision.</summary>
    private sealed class DecisionObjects(Action<Decision> decisions) : IDecisionSink
    {
        public void Add(in DecisionValue decision) => decisions(decision.ToDecision());
    }

    private CampaignState StateOf(Campaign<FactTable> campaign)
    {
        if (!states.TryGetValue(campaign, out var state))
        {
            states[campaign] = state = new CampaignState(campaign, config, history.CustomerCount);
        }

        return state;
    }

    /// <summary>What the evaluator keeps per campaign between decisions: its renderer, its sends' plans, and each customer's holdout position once worked out (a hash of two strings, asked again at every decision).</summary>
    private sealed class CampaignState(Campaign<FactTable> campaign, EngineConfig config, int customers)
    {
        // Rank + 1 (0: not worked out yet); empty when the campaign holds nobody out.
        private readonly int[] ranks = new int[campaign.HoldoutPercent > 0 ? customers : 0];
        private readonly SendPlan?[][] plans = [.. campaign.Rules.Select(rule => new SendPlan?[rule.Actions.Count])];
        private readonly Dictionary<string, Suppression> holdoutReasons = new(StringComparer.Ordinal);
        // The reason by rank, for the ranks a holdout can hold (below the percentage): formatting the position is the slow part.
        private readonly Suppression?[] reasonOfRank = new Suppression?[campaign.HoldoutPercent > 0 ? (int)Math.Min(1_000_000, Math.Ceiling(campaign.HoldoutPercent * 10_000) + 1) : 0];

        public MessageRenderer Renderer { get; } = new(campaign, config);

        /// <summary>The plan of the send that is action <paramref name="action"/> of rule <paramref name="rule"/>.</summary>
        public SendPlan PlanOf(int rule, int action) => plans[rule][action] ??= new SendPlan(campaign, campaign.Rules[rule].Name, (SendAction)campaign.Rules[rule].Actions[action], Renderer);

        public void PrefetchRank(int row) => Memory.Prefetch.Element(ranks, row);

        public bool IsHeldOut(int row, string customerId) => ranks.Length > 0 && Holdout.IsHeldOut(Holdout.FromRank(RankOf(row, customerId)), campaign.HoldoutPercent);

        /// <summary>
        /// Why a held-out customer got nothing, with their position to two decimals. Nine million holdout
        /// decisions a year at 1M share a few thousand such texts (one per position shown), so each is made once.
        /// </summary>
        public Suppression HoldoutReason(int row, string customerId)
        {
            var rank = RankOf(row, customerId);
            return rank < reasonOfRank.Length ? reasonOfRank[rank] ??= ReasonAt(rank) : ReasonAt(rank);
        }

        private Suppression ReasonAt(int rank)
        {
            Span<char> position = stackalloc char[16];
            Holdout.FromRank(rank).TryFormat(position, out var length, "0.00", CultureInfo.InvariantCulture);
            position = position[..length];
            var byPosition = holdoutReasons.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!byPosition.TryGetValue(position, out var reason))
            {
                reason = new Suppression("holdout", "holdout",
                    string.Create(CultureInfo.InvariantCulture, $"in the campaign's {campaign.HoldoutPercent}% holdout (position {position}): would have been sent, never sent"));
                byPosition[position] = reason;
            }

            return reason;
        }

        private int RankOf(int row, string customerId)
        {
            if (ranks[row] == 0)
            {
                ranks[row] = Holdout.Rank(campaign.Id, customerId) + 1;
            }

            return ranks[row] - 1;
        }
    }

    /// <summary>When a campaign's sends decided at a moment go out, and what follows from it for the guards — the same for every customer of the run.</summary>
    internal SendTiming TimingOf(Campaign<FactTable> campaign, DateTimeOffset since, DateTimeOffset moment)
    {
        var sendAt = QuietHoursGuard.SendAt(moment, campaign.Limits.QuietHours, zone);
        // A scheduled campaign's occurrence is the shop day, which it may be due at several times; any other
        // occurrence (an order event, a birthday, a festival) fell due inside this run's window.
        var repeatsAfter = campaign.Schedule is null ? since : ShopTime.ToMoment(DateOnly.FromDateTime(ShopLocal(moment)), TimeOnly.MinValue, zone) - TimeSpan.FromTicks(1);
        return new SendTiming(repeatsAfter, moment, sendAt, ShopSecond(moment), ShopSecond(sendAt), budget.AccountOf(campaign.Id, DateOnly.FromDateTime(ShopLocal(sendAt))), caps.WindowsAt(campaign.Id, campaign.Limits.PerCustomer, sendAt));
    }
}

/// <summary>
/// A campaign run's decision moment and (quiet-hours) send moment, both also in shop seconds, the budget
/// account of the send's shop day and the cap windows. <paramref name="RepeatsAfter"/>: a send of an
/// occurrence decided in the run can only have been recorded after it — every send is recorded at or after
/// the moment its occurrence fell due — so the idempotency check reads no older contact.
/// </summary>
internal sealed record SendTiming(DateTimeOffset RepeatsAfter, DateTimeOffset Moment, DateTimeOffset SendAt, long MomentSecond, long SendAtSecond, BudgetAccount Budget, CapWindows Caps);
