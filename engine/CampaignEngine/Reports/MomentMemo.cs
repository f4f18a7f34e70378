namespace CampaignEngine.Reports;

/// <summary>
/// What the report works out from a decision's moment (its shop day, its texts), remembered: decisions
/// come in time order, so one moment repeats for thousands of rows in a row and only a few are in play at
/// once. The last moment is answered without a look-up; the table is emptied past a few thousand moments.
/// </summary>
internal sealed class MomentMemo<T>
{
    private const int Limit = 4096;

    private readonly Dictionary<DateTimeOffset, T> _values = [];
    private bool _hasLast;
    private DateTimeOffset _last;
    private T _lastValue = default!;

    public bool TryGet(DateTimeOffset moment, out T value)
    {
        if (_hasLast && moment == _last)
        {
            value = _lastValue;
            return true;
        }

        if (_values.TryGetValue(moment, out value!))
        {
            (_hasLast, _last, _lastValue) = (true, moment, value);
            return true;
        }

        return false;
    }

    /// <summary>Remembers what was worked out for the moment, and returns it.</summary>
    public T Remember(DateTimeOffset moment, T value)
    {
        if (_values.Count > Limit)
        {
            _values.Clear();
        }

        _values[moment] = value;
        (_hasLast, _last, _lastValue) = (true, moment, value);
        return value;
    }
}
