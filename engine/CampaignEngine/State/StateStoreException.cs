namespace CampaignEngine.State;

/// <summary>The state file cannot be used (missing directory, read-only, full disk, newer schema); the message says what to do.</summary>
internal sealed class StateStoreException(string message, Exception? inner = null) : Exception(message, inner);
