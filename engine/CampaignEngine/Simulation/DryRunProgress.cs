namespace CampaignEngine.Simulation;

/// <summary>Where the replay stands after a day: for the progress bar and the plain progress lines.</summary>
internal readonly record struct DryRunProgress(DateOnly Day, int DaysDone, int DaysTotal, int Sends, int Suppressed);
