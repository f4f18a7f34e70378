using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// The optional mapping.yaml: which header holds which column when the export's names are not the
/// defaults, the encoding when detection should be overridden, and extra status words.
/// <code>
/// encoding: gbk            # auto (default) | utf-8 | gbk
/// orders:   { order_id: 订单号, customer_id: 买家昵称 }
/// customers: { customer_id: 会员 }
/// statuses: { 已完成: signed, 已取消: closed }
/// </code>
/// </summary>
internal sealed class ColumnMapping
{
    public static readonly ColumnMapping Default = new();

    public Dictionary<string, string> Orders { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Customers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, OrderStatus> Statuses { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>"auto", "utf-8" or "gbk".</summary>
    public string Encoding { get; private set; } = "auto";

    /// <summary>Reads a mapping file; errors name the file, line and column and what is allowed.</summary>
    public static ColumnMapping Read(string path, List<string> errors)
    {
        var mapping = new ColumnMapping();
        YamlStream yaml = [];
        try
        {
            using var reader = File.OpenText(path);
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            errors.Add($"{path}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
            return mapping;
        }

        if (yaml.Documents.Count == 0)
        {
            return mapping;
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add($"{path}:1:1: expected a mapping with keys encoding, orders, customers, statuses");
            return mapping;
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "encoding":
                    var encoding = (valueNode as YamlScalarNode)?.Value?.ToLowerInvariant();
                    if (encoding is "auto" or "utf-8" or "utf8" or "gbk" or "gb2312" or "gb18030")
                    {
                        mapping.Encoding = encoding is "utf8" ? "utf-8" : encoding is "gb2312" or "gb18030" ? "gbk" : encoding;
                    }
                    else
                    {
                        errors.Add($"{Where(path, valueNode)}: encoding '{encoding}' unknown; use auto, utf-8 or gbk");
                    }

                    break;
                case "orders":
                    ReadColumns(path, valueNode, ExportColumn.OrderColumns, mapping.Orders, errors);
                    break;
                case "customers":
                    ReadColumns(path, valueNode, ExportColumn.CustomerColumns, mapping.Customers, errors);
                    break;
                case "statuses":
                    foreach (var (word, status) in Pairs(path, valueNode, errors))
                    {
                        if (Enum.TryParse<OrderStatus>(status.Value, ignoreCase: true, out var parsed) && !int.TryParse(status.Value, out _))
                        {
                            mapping.Statuses[word.Value ?? ""] = parsed;
                        }
                        else
                        {
                            errors.Add($"{Where(path, status)}: status '{status.Value}' unknown; use paid, shipped, signed, refunded or closed");
                        }
                    }

                    break;
                default:
                    errors.Add($"{Where(path, keyNode)}: unknown key '{key}'; allowed: encoding, orders, customers, statuses");
                    break;
            }
        }

        return mapping;
    }

    private static void ReadColumns(string path, YamlNode node, ExportColumn[] columns, Dictionary<string, string> into, List<string> errors)
    {
        foreach (var (name, header) in Pairs(path, node, errors))
        {
            if (columns.Any(c => c.Name.Equals(name.Value, StringComparison.OrdinalIgnoreCase)))
            {
                into[name.Value!] = header.Value ?? "";
            }
            else
            {
                errors.Add($"{Where(path, name)}: unknown column '{name.Value}'; known: {string.Join(", ", columns.Select(c => c.Name))}");
            }
        }
    }

    private static IEnumerable<(YamlScalarNode Key, YamlScalarNode Value)> Pairs(string path, YamlNode node, List<string> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add($"{Where(path, node)}: expected 'name: value' pairs");
            yield break;
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode k && value is YamlScalarNode v)
            {
                yield return (k, v);
            }
            else
            {
                errors.Add($"{Where(path, key)}: expected 'name: value'");
            }
        }
    }

    private static string Where(string path, YamlNode node) => $"{path}:{node.Start.Line}:{node.Start.Column}";
}
