namespace CampaignEngine.Cli;

/// <summary>The documented exit codes of <c>campaign</c> (see README).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The input has errors (diagnostics were printed).</summary>
    public const int InputErrors = 1;
    /// <summary>Wrong command-line usage.</summary>
    public const int Usage = 2;
    /// <summary>A live run finished, but dead messages wait for an operator (`campaign outbox`).</summary>
    public const int DeadLetters = 3;
    /// <summary>A file could not be read or written (disk full, no permission, a file where a folder should be): sysexits' EX_IOERR.</summary>
    public const int FileSystem = 74;
    /// <summary>A bug in CampaignEngine.</summary>
    public const int InternalError = 70;
}
