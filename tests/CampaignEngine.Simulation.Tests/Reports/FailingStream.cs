namespace CampaignEngine.Simulation.Tests.Reports;

/// <summary>A stream that takes so many bytes and then fails as a full disk does.</summary>
internal sealed class FailingStream(long failAfterBytes) : MemoryStream
{
    internal const string Message = "No space left on device : 'sends.csv'";

    public bool Disposed { get; private set; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Length + count > failAfterBytes)
        {
            throw new IOException(Message);
        }

        base.Write(buffer, offset, count);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
