using System.Collections.Concurrent;

namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// Interns texts to small ids under the DSL's text equality (ordinal, ignoring case), for hosts that keep
/// a text fact as <see cref="TextIds{TContext}"/>. Ids only grow, so a literal interned while compiling a
/// rule and the same text met later in the data get the same id. Safe to share between threads.
/// </summary>
public sealed class TextIdPool
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock adding = new();

    /// <summary>The id of a text, interning it when new; −1 for a missing text.</summary>
    public int IdOf(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        if (ids.TryGetValue(text, out var id))
        {
            return id;
        }

        // Under a lock so that ids stay dense and each text gets exactly one.
        lock (adding)
        {
            return ids.TryGetValue(text, out id) ? id : ids[text] = ids.Count;
        }
    }

    /// <summary>The ids of a column of texts (null → −1).</summary>
    public int[] IdsOf(IReadOnlyList<string?> texts)
    {
        var column = new int[texts.Count];
        // Columns repeat a few shared strings: look each instance up once.
        var seen = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        for (var row = 0; row < column.Length; row++)
        {
            var text = texts[row];
            if (text is null)
            {
                column[row] = -1;
            }
            else if (!seen.TryGetValue(text, out column[row]))
            {
                seen[text] = column[row] = IdOf(text);
            }
        }

        return column;
    }
}
