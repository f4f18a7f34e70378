namespace CampaignEngine.Reports;

/// <summary>
/// What a dry-run found, as written to <c>report.json</c> and rendered in <c>report.html</c>: totals, the
/// breakdowns a marketer asks for (campaign, rule, channel, day), why customers were held back, and the
/// outcomes of sent customers against the holdout. Money is in fen (1/100 yuan) so sums are exact.
/// </summary>
public sealed record DryRunReport(
    DateOnly From,
    DateOnly To,
    int OutcomeWindowDays,
    ReportTotals Totals,
    IReadOnlyList<CampaignSummary> Campaigns,
    IReadOnlyList<RuleSummary> Rules,
    IReadOnlyList<ChannelSummary> Channels,
    IReadOnlyList<DaySummary> Days,
    IReadOnlyList<SuppressionSummary> Suppressed,
    Outcome Outcome);

/// <summary>The figures at the top of the report.</summary>
public sealed record ReportTotals(int Sends, int CustomersReached, long CostFen, int Suppressed, int HeldOut, int Campaigns);

/// <summary>One campaign: its sends, reach and cost against the budget it set for the period (null: no budget).</summary>
public sealed record CampaignSummary(
    string Id,
    string Name,
    int Sends,
    int CustomersReached,
    long CostFen,
    long? BudgetFen,
    int Suppressed,
    int HeldOut,
    Outcome Outcome);

public sealed record RuleSummary(string Campaign, string Rule, int Sends, int CustomersReached, long CostFen, int Suppressed);

public sealed record ChannelSummary(string Channel, int Sends, long CostFen);

public sealed record DaySummary(DateOnly Day, int Sends, long CostFen, int Suppressed);

/// <summary>How many decisions one guard stopped for one reason, and how many distinct customers that was.</summary>
public sealed record SuppressionSummary(string Guard, string ReasonCode, int Count, int Customers);

/// <summary>
/// Sent against holdout: conversion of each group, the difference (uplift, sent − holdout) with its 95%
/// interval, revenue per message, and a plain verdict (<see cref="OutcomeVerdict"/>).
/// </summary>
public sealed record Outcome(
    GroupOutcome Sent,
    GroupOutcome Holdout,
    double? Uplift,
    double? UpliftLow,
    double? UpliftHigh,
    long? RevenuePerMessageFen,
    string Verdict);

/// <summary>Messages (or would-be messages, for the holdout), how many converted, and the revenue within the window.</summary>
public sealed record GroupOutcome(int Messages, int Converted, double? Rate, long RevenueFen);
