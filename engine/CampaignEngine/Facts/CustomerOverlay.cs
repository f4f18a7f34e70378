namespace CampaignEngine.Facts;

/// <summary>
/// Tags and levels that rules changed during a run (<c>then tag vip</c>, <c>then set level 金卡</c>), laid
/// over the loaded customer data: <c>tagged()</c>, <c>tags</c> and <c>level</c> read it first. Empty for a
/// plain fact table, so reading it costs one count check per customer.
/// </summary>
internal sealed class CustomerOverlay
{
    private readonly Dictionary<(int Row, string Tag), bool> tags = [];
    private readonly Dictionary<int, string> levels = [];
    private readonly List<(int Row, string Level)> levelChanges = [];

    public bool IsEmpty => tags.Count == 0 && levels.Count == 0;

    public void SetTag(int row, string tag, bool present) => tags[(row, tag)] = present;

    public void SetLevel(int row, string level)
    {
        levels[row] = level;
        levelChanges.Add((row, level));
    }

    /// <summary>Every level set, in order: a copy of the level column as ids catches up on the new ones only.</summary>
    public IReadOnlyList<(int Row, string Level)> LevelChanges => levelChanges;

    /// <summary>Whether a rule set or removed the tag; null when the loaded data decides.</summary>
    public bool? Tagged(int row, string tag) => tags.Count > 0 && tags.TryGetValue((row, tag), out var present) ? present : null;

    public string? Level(int row) => levels.Count > 0 ? levels.GetValueOrDefault(row) : null;
}
