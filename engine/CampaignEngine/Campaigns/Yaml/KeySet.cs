namespace CampaignEngine.Campaigns.Yaml;

/// <summary>One key a campaign file may use: its English name and the Chinese names accepted for it.</summary>
internal sealed record KeySpec(string Name, params string[] Chinese);

/// <summary>The keys allowed in one kind of mapping (a campaign, a rule, limits …), English and Chinese.</summary>
internal sealed class KeySet
{
    private readonly Dictionary<string, string> canonical = new(StringComparer.Ordinal);

    public KeySet(string what, string whatChinese, params KeySpec[] keys)
    {
        What = what;
        WhatChinese = whatChinese;
        Keys = keys;
        foreach (var key in keys)
        {
            canonical[key.Name] = key.Name;
            foreach (var chinese in key.Chinese)
            {
                canonical[chinese] = key.Name;
            }
        }
    }

    /// <summary>What the mapping is, for messages: "the campaign", "a rule" …</summary>
    public string What { get; }

    public string WhatChinese { get; }

    public IReadOnlyList<KeySpec> Keys { get; }

    /// <summary>Every spelling accepted, English and Chinese.</summary>
    public IEnumerable<string> AllSpellings => canonical.Keys;

    public string? Resolve(string key) => canonical.GetValueOrDefault(key);
}
