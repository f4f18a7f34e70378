using System.Text.Json;
using CampaignEngine.Cli;
using static CampaignEngine.Facts.Tests.Ingest.OrderExports;

namespace CampaignEngine.Facts.Tests.Cli;

public sealed class ShopCommandsTests : IDisposable
{
    private readonly TempShop _shop = new();

    public ShopCommandsTests()
    {
        _shop.Write("customers.csv", [CustomersHeader, "alice,张三,13800000000,,,1990-03-01,浙江,金卡,vip,", "dave,,,,,,,,,"]);
        _shop.Write("orders.csv",
        [
            ChineseHeader,
            Row("a1", "alice", "2024-01-01 10:00:00", "100.00"),
            Row("a2", "alice", "2024-01-11 10:00:00", "50.00", category: "配饰"),
            Row("a3", "alice", "2024-01-31 10:00:00", "30.00"),
            Row("b1", "bob", "2024-02-01 10:00:00", "60.00"),
            Row("d1", "dave", "2024-01-05 10:00:00", "20.00"),
            Row("d2", "dave", "2024-01-25 10:00:00", "40.00"),
            Row("x1", "dave", "2024-01-26 10:00:00", "oops"),
        ]);
    }

    public void Dispose() => _shop.Dispose();

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CampaignCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Stats_json_has_english_keys_and_the_figures()
    {
        var (exit, output, error) = Run("stats", "--data", _shop.Path, "--as-of", "2024-02-10", "--json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0.4, json.RootElement.GetProperty("repeat_revenue_share").GetDouble(), 12);
        Assert.Equal(3, json.RootElement.GetProperty("customers").GetInt32());
        Assert.Equal(60, json.RootElement.GetProperty("aov_new").GetDecimal());
        Assert.Contains("1 rejected", error);
        Assert.True(File.Exists(Path.Combine(_shop.Path, "rejects", "rejects.csv")));
    }

    [Fact]
    public void Stats_prints_a_readable_table()
    {
        var (exit, output, _) = Run("stats", "--data", _shop.Path, "--as-of", "2024-02-10");

        Assert.Equal(0, exit);
        Assert.Contains("回头率", output);
        Assert.Contains("66.7", output);
        Assert.Contains("important_value", output);
    }

    [Fact]
    public void Facts_json_lists_every_fact_with_missing_as_null()
    {
        var rejects = Path.Combine(_shop.Path, "elsewhere.csv");
        var (exit, output, error) = Run("facts", "--data", _shop.Path, "--customer", "alice", "--as-of", "2024-02-10", "--json", "--rejects", rejects);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("frequency").GetDouble());
        Assert.Equal(15, root.GetProperty("cycle").GetDouble());
        Assert.Equal("2024-01-31", root.GetProperty("last_order_date").GetString());
        Assert.Equal("金卡", root.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("days_since_delivery").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("last_contact_days").ValueKind);
        Assert.True(File.Exists(rejects));
    }

    [Fact]
    public void Facts_table_shows_meanings_and_missing()
    {
        var (exit, output, _) = Run("facts", "--data", _shop.Path, "--customer", "bob", "--as-of", "2024-02-10");

        Assert.Equal(0, exit);
        Assert.Contains("购买周期", output);
        Assert.Contains("missing", output);
        Assert.Contains("purchase cycle: mean days", output);
    }

    [Fact]
    public void An_unknown_customer_is_an_input_error()
    {
        var (exit, _, error) = Run("facts", "--data", _shop.Path, "--customer", "nobody");

        Assert.Equal(1, exit);
        Assert.Contains("'nobody' is not in the data", error);
    }

    [Fact]
    public void A_missing_directory_is_a_message_not_a_stack_trace()
    {
        var (exit, _, error) = Run("stats", "--data", Path.Combine(_shop.Path, "nope"));

        Assert.Equal(1, exit);
        Assert.Contains("data directory not found", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_directory_without_orders_csv_names_the_file()
    {
        File.Delete(_shop.File("orders.csv"));

        var (exit, _, error) = Run("stats", "--data", _shop.Path);

        Assert.Equal(1, exit);
        Assert.Contains("orders.csv: orders file not found", error);
    }

    [Fact]
    public void Html_instead_of_orders_is_one_error()
    {
        _shop.Write("orders.csv", ["<html><body>请登录</body></html>", "<p>1</p>", "<p>2</p>"]);

        var (exit, _, error) = Run("stats", "--data", _shop.Path);

        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("missing required column(s)", error);
    }

    [Fact]
    public void A_bad_as_of_date_is_a_usage_error()
    {
        var (exit, _, error) = Run("stats", "--data", _shop.Path, "--as-of", "2024-13-01");

        Assert.Equal(2, exit);
        Assert.Contains("yyyy-MM-dd", error);
    }
}
