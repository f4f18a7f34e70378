using System.Diagnostics.CodeAnalysis;

namespace CampaignEngine.Evaluation;

/// <summary>
/// The values a message's template variables took (a missing fact has none): the names are the template's,
/// shared by every message it renders; only the values are per message. A dictionary per message was a large
/// share of a long dry-run's garbage, and templates read a handful of variables, so a look-up is a short scan.
/// </summary>
internal sealed class TemplateValues(IReadOnlyList<string> names, string?[] values) : IReadOnlyDictionary<string, string>
{
    public int Count => values.Count(v => v is not null);

    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    public IEnumerable<string> Values => this.Select(kv => kv.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no value for template variable '{key}'");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } found && names[i] == key)
            {
                value = found;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                yield return new KeyValuePair<string, string>(names[i], value);
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
