using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Evaluation;
using CampaignEngine.Facts;
using CampaignEngine.Guards;
using CampaignEngine.Orders;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>
/// Replays one of the shipped campaigns (campaigns/*.yaml, with the real engine.yaml and facts.yaml) over a
/// small hand-built shop, through the real dry-run, and returns its decisions in file order.
/// </summary>
internal static class TacticReplay
{
    private static readonly Lazy<CampaignSet<FactTable>> Shipped = new(() =>
    {
        var set = CampaignLoader.Load(CampaignsFolder(), BuiltInFacts.Schema(FestivalCalendar.Default), new CampaignLoadOptions());
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics.Where(d => d.IsError)));
        return set;
    });

    internal static Result Run(string campaignId, OrderHistory history, DateOnly from, DateOnly to, int eventStepHours = 1)
        => Run([campaignId], history, from, to, eventStepHours);

    internal static Result Run(string[] campaignIds, OrderHistory history, DateOnly from, DateOnly to, int eventStepHours = 1)
    {
        var set = Shipped.Value with { Campaigns = [.. campaignIds.Select(id => Assert.Single(Shipped.Value.Campaigns, c => c.Id == id))] };
        var decisions = new List<Decision>();
        var evaluator = new DryRunSimulation(set, history) { EventStep = TimeSpan.FromHours(eventStepHours) };
        evaluator.Run(new DryRunPeriod(from, to), 7, decided: decisions.Add);
        return new Result([.. decisions.Where(d => d.IsSend)], [.. decisions.Where(d => !d.IsSend)]);
    }

    /// <summary>A customer id (c1, c2 …) in or out of the campaign's holdout, so tests know who is held out.</summary>
    internal static string Customer(string campaignId, bool heldOut, int skip = 0)
    {
        var percent = Assert.Single(Shipped.Value.Campaigns, c => c.Id == campaignId).HoldoutPercent;
        return Enumerable.Range(1, 10_000).Select(i => $"c{i}").Where(id => Holdout.IsHeldOut(campaignId, id, percent) == heldOut).Skip(skip).First();
    }

    internal static DateTime Local(int year, int month, int day, int hour = 10, int minute = 0) => new(year, month, day, hour, minute, 0);

    internal static CustomerDetails Details(string? level = null, DateOnly? birthday = null, OptOut optOut = OptOut.None, params string[] tags)
        => new(Name: "顾客", Phone: "13800000000", Birthday: birthday, Level: level, Tags: tags, OptOut: optOut);

    private static string CampaignsFolder() => Repo("campaigns");

    /// <summary>A path in the repository (found as the folder above the test binaries holding campaigns/engine.yaml).</summary>
    internal static string Repo(string path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "campaigns", "engine.yaml")))
            {
                return Path.Combine(dir.FullName, path);
            }
        }

        throw new DirectoryNotFoundException("campaigns/engine.yaml not found above the test binaries");
    }

    internal sealed record Result(IReadOnlyList<Decision> Sends, IReadOnlyList<Decision> Suppressed)
    {
        /// <summary>Sends as "customer@yyyy-MM-dd HH:mm/rule", easy to compare as a whole.</summary>
        public IEnumerable<string> SendLines => Sends.Select(d => $"{d.CustomerId}@{d.SendAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}/{d.Rule}");

        public IEnumerable<string> SuppressedLines => Suppressed.Select(d => $"{d.CustomerId}:{d.Suppression!.ReasonCode}");
    }
}
