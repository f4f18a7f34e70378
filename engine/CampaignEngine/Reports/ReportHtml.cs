using System.Globalization;
using System.Net;
using System.Text;

namespace CampaignEngine.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS, SVG and script, nothing fetched) that a marketer reads
/// without help. Tables and the chart are rendered here; the small script fills the headline figures from
/// the embedded report.json and marks the page <c>data-ok</c>, or shows its error in <c>#script-error</c>.
/// </summary>
internal static class ReportHtml
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    internal static string Render(DryRunReport r)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append(CultureInfo.InvariantCulture, $"<title>活动预演报告 Dry-run report {r.From:yyyy-MM-dd} – {r.To:yyyy-MM-dd}</title>\n");
        h.Append("<style>\n").Append(Css).Append("</style></head>\n<body>\n");
        h.Append(C, $"<header><h1>活动预演报告 <small>Dry-run report</small></h1><p>{r.From:yyyy-MM-dd} – {r.To:yyyy-MM-dd} · ");
        h.Append(C, $"{r.Totals.Campaigns} 个活动 campaigns · 没有真正发送任何消息 nothing was sent · 转化窗口 outcome window {r.OutcomeWindowDays} 天 days</p></header>\n");

        h.Append("<section class=\"cards\">\n");
        Card(h, "sends", "发送 Messages", "would have been sent");
        Card(h, "customers", "触达客户 Customers reached", "distinct customers");
        Card(h, "cost", "费用 Cost", "estimated, yuan");
        Card(h, "suppressed", "拦截 Held back", "by a guard, incl. holdout");
        Card(h, "conversion", "转化 Conversion", "sent vs holdout");
        h.Append("</section>\n<div id=\"script-status\"></div>\n");

        Outcome(h, r.Outcome);
        Chart(h, r.Days);
        Campaigns(h, r.Campaigns);
        Rules(h, r.Rules);
        Channels(h, r.Channels);
        Suppressed(h, r.Suppressed);
        Notes(h, r);

        var json = ReportJson.Serialize(r).Replace("</", "<\\/", StringComparison.Ordinal);
        h.Append("<script type=\"application/json\" id=\"report-data\">").Append(json).Append("</script>\n");
        h.Append("<script>\n").Append(Script).Append("</script>\n</body></html>\n");
        return h.ToString();
    }

    private static void Card(StringBuilder h, string id, string label, string note)
        => h.Append(C, $"<div class=\"card\"><div class=\"label\">{label}</div><div class=\"value\" id=\"total-{id}\">…</div><div class=\"note\">{note}</div></div>\n");

    private static void Outcome(StringBuilder h, Outcome o)
    {
        h.Append("<section><h2>效果 Outcome <small>发送组 vs 对照组 sent vs holdout</small></h2>\n");
        h.Append(C, $"<p class=\"verdict {VerdictClass(o.Verdict)}\" id=\"verdict\">{E(OutcomeVerdict.Chinese(o.Verdict))}<br>{E(OutcomeVerdict.English(o.Verdict))}</p>\n");
        h.Append("<table><tr><th>组 Group</th><th>消息 Messages</th><th>转化 Converted</th><th>转化率 Rate</th><th>窗口内销售额 Revenue in window</th></tr>\n");
        GroupRow(h, "发送组 Sent", o.Sent);
        GroupRow(h, "对照组 Holdout (would have been sent)", o.Holdout);
        h.Append("</table>\n");
        h.Append(C, $"<p>提升 Uplift: <b id=\"uplift\">{Uplift(o)}</b> · 每条消息带来的销售额 Revenue per message: <b>{(o.RevenuePerMessageFen is { } rpm ? Yuan(rpm) : "–")}</b></p></section>\n");
    }

    private static void GroupRow(StringBuilder h, string label, GroupOutcome g)
        => h.Append(C, $"<tr><td>{label}</td><td class=\"n\">{g.Messages:N0}</td><td class=\"n\">{g.Converted:N0}</td><td class=\"n\">{Percent(g.Rate)}</td><td class=\"n\">{Yuan(g.RevenueFen)}</td></tr>\n");

    private static string Uplift(Outcome o)
        => o.Uplift is { } u ? string.Create(C, $"{u * 100:+0.0;-0.0;0.0} pp (95% CI {o.UpliftLow * 100:+0.0;-0.0;0.0} … {o.UpliftHigh * 100:+0.0;-0.0;0.0} pp)") : "–";

    private static string VerdictClass(string verdict) => verdict switch
    {
        OutcomeVerdict.Positive => "good",
        OutcomeVerdict.Negative => "bad",
        _ => "unsure",
    };

    /// <summary>Sends per day as SVG bars, with the busiest day labelled.</summary>
    private static void Chart(StringBuilder h, IReadOnlyList<DaySummary> days)
    {
        h.Append("<section><h2>每日发送 Sends per day</h2>\n");
        const int width = 960, height = 220, left = 40, bottom = 24;
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => d.Sends));
        var bar = days.Count == 0 ? 0 : (width - left) / (double)days.Count;
        h.Append(C, $"<svg id=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"sends per day\">\n");
        h.Append(C, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width}\" y2=\"{height - bottom}\" class=\"axis\"/>\n");
        h.Append(C, $"<text x=\"{left - 4}\" y=\"12\" text-anchor=\"end\" class=\"tick\">{max:N0}</text><text x=\"{left - 4}\" y=\"{height - bottom}\" text-anchor=\"end\" class=\"tick\">0</text>\n");
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var x = left + (i * bar);
            if (d.Sends > 0)
            {
                var barHeight = (height - bottom - 8) * d.Sends / (double)max;
                h.Append(C, $"<rect x=\"{x:0.##}\" y=\"{height - bottom - barHeight:0.##}\" width=\"{Math.Max(0.5, bar - 0.5):0.##}\" height=\"{barHeight:0.##}\"><title>{d.Day:yyyy-MM-dd}: {d.Sends} sends, {Yuan(d.CostFen)}</title></rect>\n");
            }

            if (d.Day.Day == 1 || i == 0)
            {
                h.Append(C, $"<text x=\"{x:0.##}\" y=\"{height - 6}\" class=\"tick\">{d.Day:yyyy-MM}</text>\n");
            }
        }

        h.Append("</svg></section>\n");
    }

    private static void Campaigns(StringBuilder h, IReadOnlyList<CampaignSummary> campaigns)
        => Table(h, "campaigns", "按活动 By campaign",
            ["活动 Campaign", "发送 Sends", "客户 Customers", "费用 Cost", "预算 Budget", "拦截 Held back", "对照组 Holdout", "转化 发送/对照 Conversion sent / holdout", "提升 Uplift (95% CI)", "结论 Verdict"],
            campaigns,
            c => string.Create(C, $"<td><b>{E(c.Name)}</b><br><code>{E(c.Id)}</code></td><td class=\"n\">{c.Sends:N0}</td><td class=\"n\">{c.CustomersReached:N0}</td><td class=\"n\">{Yuan(c.CostFen)}</td><td class=\"n\">{Budget(c)}</td><td class=\"n\">{c.Suppressed:N0}</td><td class=\"n\">{c.HeldOut:N0}</td>")
                + string.Create(C, $"<td class=\"n\">{Percent(c.Outcome.Sent.Rate)} / {Percent(c.Outcome.Holdout.Rate)}</td><td class=\"n\">{Uplift(c.Outcome)}</td><td class=\"{VerdictClass(c.Outcome.Verdict)}\">{E(OutcomeVerdict.Chinese(c.Outcome.Verdict))}</td>"));

    private static string Budget(CampaignSummary c)
        => c.BudgetFen is { } b ? Yuan(b) + (c.CostFen > b ? " ⚠ 超预算 over" : string.Create(C, $" ({(b == 0 ? 0 : c.CostFen * 100.0 / b):0.0}%)")) : "–";

    private static void Rules(StringBuilder h, IReadOnlyList<RuleSummary> rules)
        => Table(h, "rules", "按规则 By rule", ["活动 Campaign", "规则 Rule", "发送 Sends", "客户 Customers", "费用 Cost", "拦截 Held back"], rules,
            r => string.Create(C, $"<td><code>{E(r.Campaign)}</code></td><td>{E(r.Rule)}</td><td class=\"n\">{r.Sends:N0}</td><td class=\"n\">{r.CustomersReached:N0}</td><td class=\"n\">{Yuan(r.CostFen)}</td><td class=\"n\">{r.Suppressed:N0}</td>"));

    private static void Channels(StringBuilder h, IReadOnlyList<ChannelSummary> channels)
        => Table(h, "channels", "按渠道 By channel", ["渠道 Channel", "发送 Sends", "费用 Cost"], channels,
            c => string.Create(C, $"<td>{E(ChannelLabel(c.Channel))}</td><td class=\"n\">{c.Sends:N0}</td><td class=\"n\">{Yuan(c.CostFen)}</td>"));

    private static void Suppressed(StringBuilder h, IReadOnlyList<SuppressionSummary> reasons)
        => Table(h, "suppressed", "拦截原因 Held back, and why", ["守护 Guard", "原因 Reason", "次数 Decisions", "客户 Customers"], reasons,
            s => string.Create(C, $"<td>{E(GuardLabel(s.Guard))}</td><td><code>{E(s.ReasonCode)}</code></td><td class=\"n\">{s.Count:N0}</td><td class=\"n\">{s.Customers:N0}</td>"));

    /// <summary>A titled table: one header row, then one row of cells per item.</summary>
    private static void Table<T>(StringBuilder h, string id, string title, string[] headers, IEnumerable<T> items, Func<T, string> cells)
    {
        h.Append(C, $"<section><h2>{title}</h2>\n<table id=\"{id}\"><tr>");
        foreach (var header in headers)
        {
            h.Append("<th>").Append(header).Append("</th>");
        }

        h.Append("</tr>\n");
        foreach (var item in items)
        {
            h.Append("<tr>").Append(cells(item)).Append("</tr>\n");
        }

        h.Append("</table></section>\n");
    }

    private static void Notes(StringBuilder h, DryRunReport r)
    {
        h.Append("<section class=\"notes\"><h2>怎么读这份报告 How to read this</h2><ul>\n");
        h.Append(C, $"<li>转化 = 收到消息后 {r.OutcomeWindowDays} 天内付款下单。A message converts when the customer paid an order within {r.OutcomeWindowDays} days after it.</li>\n");
        h.Append("<li>对照组的客户按规则本该收到消息,但故意不发;两组的转化率之差就是活动带来的提升。Holdout customers qualified but were deliberately not contacted; the difference in conversion is the campaign's uplift.</li>\n");
        h.Append("<li>置信区间用 Newcombe 法(基于 Wilson 区间)计算;任一组少于30条、或区间包含0时,结论是“证据不足”。The 95% interval is Newcombe's hybrid score interval for a difference of proportions; with fewer than 30 in a group, or an interval that includes zero, the verdict is “not enough evidence”.</li>\n");
        h.Append("<li>费用是各渠道的预估(短信按条计费),预算 = 每日预算 × 天数(不超过总预算)。Costs are the channels' estimates; the budget is the daily budget × days, capped by the total.</li>\n");
        h.Append("<li>明细见 sends.csv 与 suppressed.csv。Every decision is listed in sends.csv and suppressed.csv.</li>\n</ul></section>\n");
    }

    private static string ChannelLabel(string channel) => channel switch
    {
        "sms" => "短信 SMS",
        "wangwang" => "旺旺 Wangwang",
        "email" => "邮件 Email",
        "chat" => "群 Chat group",
        _ => channel,
    };

    private static string GuardLabel(string guard) => guard switch
    {
        "opt_out" => "已退订 Opted out",
        "holdout" => "对照组 Holdout",
        "frequency_cap" => "频次上限 Frequency cap",
        "quiet_hours" => "免打扰 Quiet hours",
        "budget" => "预算用完 Budget spent",
        "loyal_price" => "老客价格保护 Loyal-price protection",
        "unreachable" => "无法触达 Unreachable",
        _ => guard,
    };

    private static string Yuan(long fen) => "¥" + (fen / 100m).ToString("N2", C);

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", C) + "%" : "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;padding:24px 32px;color:#1f2933;background:#f7f8fa}
        h1{margin:0 0 4px;font-size:26px}h1 small,h2 small{font-weight:normal;color:#7b8794;font-size:60%}
        h2{font-size:18px;margin:28px 0 8px}header p{color:#52606d;margin:0}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:18px}
        .card{background:#fff;border-radius:8px;padding:12px 18px;min-width:160px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
        .card .label{color:#52606d;font-size:13px}.card .value{font-size:26px;font-weight:600;margin:4px 0}.card .note{color:#9aa5b1;font-size:12px}
        table{border-collapse:collapse;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.08);font-size:13px}
        th,td{padding:6px 10px;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}th{background:#f0f4f8;font-weight:600}
        td.n{text-align:right;font-variant-numeric:tabular-nums}code{color:#7b8794;font-size:12px}
        .verdict{padding:10px 14px;border-radius:6px;max-width:900px}.good{background:#e3f9e5;color:#207227}.bad{background:#ffe3e3;color:#a61b1b}.unsure{background:#fff3c4;color:#8d6708}
        svg{background:#fff;width:100%;max-width:1000px;box-shadow:0 1px 3px rgba(0,0,0,.08)}svg rect{fill:#3e7bfa}.axis{stroke:#9aa5b1}.tick{font-size:11px;fill:#7b8794}
        #script-error{background:#ffe3e3;color:#a61b1b;padding:8px;margin-top:12px}.notes li{margin:4px 0;color:#52606d}
        """;

    private const string Script = """
        (function () {
          var status = document.getElementById('script-status');
          try {
            var r = JSON.parse(document.getElementById('report-data').textContent);
            var n = function (x) { return x.toLocaleString('en-US'); };
            var yuan = function (fen) { return '¥' + (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }); };
            var pct = function (x) { return x === null ? '–' : (x * 100).toFixed(1) + '%'; };
            document.getElementById('total-sends').textContent = n(r.totals.sends);
            document.getElementById('total-customers').textContent = n(r.totals.customers_reached);
            document.getElementById('total-cost').textContent = yuan(r.totals.cost_fen);
            document.getElementById('total-suppressed').textContent = n(r.totals.suppressed);
            document.getElementById('total-conversion').textContent = pct(r.outcome.sent.rate) + ' / ' + pct(r.outcome.holdout.rate);
            document.body.setAttribute('data-ok', '1');
            var ok = document.createElement('span');
            ok.id = 'script-ok';
            status.appendChild(ok);
          } catch (e) {
            var err = document.createElement('div');
            err.id = 'script-error';
            err.textContent = '报告脚本出错 The report script failed: ' + e;
            status.appendChild(err);
          }
        })();
        """;
}
