using System.Text.Json.Nodes;
using CampaignEngine.Campaigns.Tests.Support;
using NJsonSchema;

namespace CampaignEngine.Campaigns.Tests.Schema;

/// <summary>campaign.schema.json and the loader must agree: every key of one is a key of the other, and every shipped file passes.</summary>
public sealed class CampaignSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(Repository.Campaigns, "campaign.schema.json");

    private static JsonSchema Schema() => JsonSchema.FromFileAsync(SchemaPath).GetAwaiter().GetResult();

    private static JsonObject RawSchema() => (JsonObject)JsonNode.Parse(File.ReadAllText(SchemaPath))!;

    public static TheoryData<string> ShippedCampaigns()
    {
        var data = new TheoryData<string>();
        foreach (var file in CampaignLoader.CampaignFiles(Repository.Campaigns))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedCampaigns))]
    public void Every_shipped_campaign_passes_the_schema(string name)
    {
        var json = YamlToJson.Convert(File.ReadAllText(Path.Combine(Repository.Campaigns, name)))!.ToJsonString();

        var errors = Schema().Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void There_are_shipped_campaigns_to_check()
        => Assert.True(CampaignLoader.CampaignFiles(Repository.Campaigns).Count >= 3);

    [Theory]
    [InlineData("engine", "engine.yaml")]
    [InlineData("factsFile", "facts.yaml")]
    public void The_shipped_engine_and_facts_files_pass_their_definitions(string definition, string file)
    {
        var json = YamlToJson.Convert(File.ReadAllText(Path.Combine(Repository.Campaigns, file)))!.ToJsonString();

        var errors = Schema().Definitions[definition].Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Theory]
    [InlineData("schedul: daily 10:00")]
    [InlineData("holdout: [10]")]
    [InlineData("limits: {budgett: 5}")]
    [InlineData("rules: [{rule: a, then: send x}]")]
    [InlineData("purpose: spam")]
    public void A_broken_campaign_fails_the_schema(string line)
    {
        var json = YamlToJson.Convert($"campaign: x\n{line}\n")!.ToJsonString();

        Assert.NotEmpty(Schema().Validate(json));
    }

    [Fact]
    public void A_campaign_without_an_id_fails_the_schema()
        => Assert.NotEmpty(Schema().Validate(YamlToJson.Convert("name: x\n")!.ToJsonString()));

    [Fact]
    public void A_Chinese_campaign_id_key_passes_the_schema()
        => Assert.Empty(Schema().Validate(YamlToJson.Convert("活动: x\n计划: daily 10:00\n")!.ToJsonString()));

    public static TheoryData<string> KeySets()
    {
        var data = new TheoryData<string>();
        foreach (var set in CampaignKeys.All)
        {
            data.Add(set.What);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KeySets))]
    public void Every_key_the_loader_knows_is_in_the_schema_and_every_schema_key_is_known(string what)
    {
        var keys = CampaignKeys.All.Single(k => k.What == what);
        var definition = what switch
        {
            "the campaign" => RawSchema(),
            "a rule" => Definition("rule"),
            "limits" => Definition("limits"),
            "the budget" => Definition("budgetAmounts"),
            "a fact" => Definition("factDefinition"),
            "an email template" => Definition("email"),
            "facts.yaml" => Definition("factsFile"),
            "engine.yaml" => Definition("engine"),
            "shop" => Definition("shop"),
            "a shop day" => Definition("holiday"),
            _ => throw new InvalidOperationException($"no schema definition mapped for key set '{what}'"),
        };

        var schemaKeys = ((JsonObject)definition["properties"]!).Select(p => p.Key).Order();

        Assert.Equal(keys.AllSpellings.Order(), schemaKeys);
    }

    private static JsonObject Definition(string name) => (JsonObject)RawSchema()["definitions"]![name]!;
}
