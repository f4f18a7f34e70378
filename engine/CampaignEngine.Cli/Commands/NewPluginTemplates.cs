namespace CampaignEngine.Cli.Commands;

/// <summary>
/// The files <c>campaign new-plugin</c> writes. Placeholders: <c>__NAME__</c> (project and namespace),
/// <c>__CLASS__</c>, <c>__CHANNEL__</c> (the channel's name), <c>__SDK__</c> and <c>__TESTING__</c>
/// (paths of the SDK and test-kit projects, relative to the project that references them).
/// </summary>
internal static class NewPluginTemplates
{
    /// <summary>Own build settings, so the plugin builds the same inside or outside the engine's source tree.</summary>
    public const string DirectoryBuildProps = """
        <Project>
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
          </PropertyGroup>
        </Project>

        """;

    public const string DirectoryPackagesProps = """
        <Project>
          <ItemGroup>
            <PackageVersion Include="xunit" Version="2.9.3" />
            <PackageVersion Include="xunit.runner.visualstudio" Version="4.0.1" />
            <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
          </ItemGroup>
        </Project>

        """;

    public const string PluginProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <RootNamespace>__NAME__</RootNamespace>
            <Version>0.1.0</Version>
            <!-- A plugin: dependencies are copied beside it and it gets a deps.json, so it loads in its own context. -->
            <EnableDynamicLoading>true</EnableDynamicLoading>
            <!-- Built into a plugin folder of its own: copy artifacts/plugins/__CHANNEL__ into the engine's plugins directory. -->
            <OutputPath>$(MSBuildThisFileDirectory)../../artifacts/plugins/__CHANNEL__/</OutputPath>
            <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
          </PropertyGroup>
          <ItemGroup>
            <!-- The SDK is the engine's: compile against it, never ship a copy of it. -->
            <ProjectReference Include="__SDK__">
              <Private>false</Private>
              <ExcludeAssets>runtime</ExcludeAssets>
            </ProjectReference>
          </ItemGroup>
        </Project>

        """;

    public const string Channel = """
        using System.Net.Http.Json;
        using CampaignEngine.Plugins.Sdk;

        namespace __NAME__;

        /// <summary>
        /// The __CHANNEL__ channel. Settings in engine.yaml: <c>endpoint</c> (the provider's send URL) and
        /// <c>token_env</c> (the environment variable holding the API token).
        /// </summary>
        public sealed class __CLASS__ : IChannel
        {
            // The engine gives every send a deadline through the token; no second timeout here.
            private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
            private readonly Uri endpoint;
            private readonly string? token;

            public __CLASS__(IChannelConfiguration configuration)
            {
                endpoint = Uri.TryCreate(configuration.Get("endpoint"), UriKind.Absolute, out var uri)
                    ? uri
                    : throw new ArgumentException("setting 'endpoint' must be the provider's address, like `endpoint: https://api.example.com/send`");
                token = configuration.GetSecret("token");
            }

            public string Name => "__CHANNEL__";

            public ContactKind Reaches => ContactKind.Phone;

            public MessageCheck Check(ChannelMessage message)
            {
                var problems = new List<string>();
                if (string.IsNullOrWhiteSpace(message.Text))
                {
                    problems.Add("the message has no text");
                }

                if (string.IsNullOrWhiteSpace(message.Address))
                {
                    problems.Add("the message has no address");
                }

                return problems.Count == 0 ? MessageCheck.Ok : new MessageCheck(problems);
            }

            public CostEstimate EstimateCost(ChannelMessage message) => new(Fen: 5);

            public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
                {
                    Content = JsonContent.Create(new { to = message.Address, text = message.Text }),
                };
                request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
                if (token is not null)
                {
                    request.Headers.Authorization = new("Bearer", token);
                }

                try
                {
                    using var response = await Http.SendAsync(request, cancellationToken);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return SendOutcome.Accepted(message.IdempotencyKey);
                    }

                    return status >= 500 || status == 429
                        ? SendOutcome.Failed($"the provider answered HTTP {status}", response.Headers.RetryAfter?.Delta)
                        : SendOutcome.Rejected($"the provider refused the message: HTTP {status}");
                }
                catch (HttpRequestException ex)
                {
                    return SendOutcome.Failed($"the provider could not be reached: {ex.Message}");
                }
            }
        }

        """;

    public const string TestProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <IsPackable>false</IsPackable>
            <IsTestProject>true</IsTestProject>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="xunit" />
            <PackageReference Include="xunit.runner.visualstudio" />
            <PackageReference Include="Microsoft.NET.Test.Sdk" />
          </ItemGroup>
          <ItemGroup>
            <ProjectReference Include="../../src/__NAME__/__NAME__.csproj" />
            <ProjectReference Include="__TESTING__" />
          </ItemGroup>
        </Project>

        """;

    public const string ContractTests = """
        using CampaignEngine.Plugins.Sdk;
        using CampaignEngine.Plugins.Testing;

        namespace __NAME__.Tests;

        /// <summary>The channel contract (CampaignEngine.Plugins.Testing) run against __CLASS__ and a local HTTP provider.</summary>
        public sealed class __CLASS__ContractTests : ChannelContractTests
        {
            protected override ChannelHarness CreateHarness() => new Harness();

            private sealed class Harness : ChannelHarness
            {
                private readonly LocalHttpProvider provider = new();

                public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["endpoint"] = provider.Url.ToString() };

                public override IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string> { ["token"] = "test-token-5f2a" };

                public override IChannel CreateChannel(IChannelConfiguration configuration) => new __CLASS__(configuration);

                public override ChannelMessage GoodMessage(string idempotencyKey)
                    => new(idempotencyKey, "c-1", "13800000000", "【Shop】New arrivals for our regulars. Reply T to unsubscribe");

                public override void SetProvider(ProviderBehaviour behaviour) => provider.Behaviour = behaviour;

                public override IReadOnlyList<string> IdempotencyKeysReceived()
                    => provider.Requests.Select(r => r.Header("Idempotency-Key")).OfType<string>().ToList();

                protected override void Dispose(bool disposing)
                {
                    if (disposing)
                    {
                        provider.Dispose();
                    }
                }
            }
        }

        """;

    public const string Readme = """
        # __NAME__ — a CampaignEngine channel plugin

        - `src/__NAME__/__CLASS__.cs` — the channel (`IChannel` from CampaignEngine.Plugins.Sdk).
        - `tests/__NAME__.Tests` — the channel contract from CampaignEngine.Plugins.Testing, against a local HTTP provider.

        ```sh
        dotnet test tests/__NAME__.Tests                       # builds the plugin and runs the contract
        cp -r artifacts/plugins/__CHANNEL__ /path/to/engine/plugins/   # the built plugin folder
        campaign plugins --plugins /path/to/engine/plugins
        ```

        engine.yaml:

        ```yaml
        channels:
          __CHANNEL__:
            plugin: __CHANNEL__
            endpoint: https://api.example.com/send
            token_env: __TOKEN_VARIABLE__
        ```

        """;
}
