using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat.Groups;

/// <summary>
/// The customer groups a robot channel can post to. The message's address is a group id; <c>groups</c>
/// lists the ids, and each group's robot credential comes from the environment variable its own setting
/// names — <c>{id}_key_env</c> for WeChat Work, <c>{id}_token_env</c> (and <c>{id}_secret_env</c> for a robot
/// secured by 加签) for DingTalk. A webhook key is a password — whoever has it can post to the group — so it
/// never sits in engine.yaml, and reading it through the configuration lets the engine blot it out of logs.
/// </summary>
internal sealed class GroupDirectory
{
    private readonly IReadOnlyDictionary<string, GroupCredentials> _groups;

    public GroupDirectory(ChannelSettings settings, string keyName, bool allowsSecret)
    {
        var groups = new Dictionary<string, GroupCredentials>(StringComparer.Ordinal);
        foreach (var id in (settings.Optional("groups") ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                throw settings.Problem($"setting 'groups' has '{id}': a group id is letters, digits, '_' or '-', e.g. groups: vip, fans");
            }

            var key = settings.Secret($"{id}_{keyName}_env", $"the robot {keyName} of group '{id}'");
            var secret = allowsSecret && settings.Optional($"{id}_secret_env") is not null ? settings.Secret($"{id}_secret_env", "") : null;
            if (!groups.TryAdd(id, new GroupCredentials(key, secret)))
            {
                throw settings.Problem($"setting 'groups' names '{id}' twice; keep one");
            }
        }

        if (groups.Count == 0)
        {
            throw settings.Problem($"setting 'groups' is missing: the group ids messages go to, e.g. groups: vip, fans — each with its {keyName} variable, e.g. vip_{keyName}_env: ROBOT_VIP_{keyName.ToUpperInvariant()}");
        }

        _groups = groups;
    }

    public GroupCredentials? Find(string groupId) => _groups.GetValueOrDefault(groupId.Trim());

    public string Known => string.Join(", ", _groups.Keys.Order(StringComparer.Ordinal));
}

/// <summary>Where one group's robot credentials live; the values are read when a message is sent.</summary>
internal sealed record GroupCredentials(SecretSetting Key, SecretSetting? Secret);
