using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat.Groups;

/// <summary>
/// The customer groups a robot channel can post to: the message's address is a group id, and
/// <c>groups: vip=WECOM_VIP_KEY; fans=WECOM_FANS_KEY</c> maps each id to the environment variable holding
/// that group's robot credential (a webhook key is a password: whoever has it can post to the group, so it
/// never sits in engine.yaml). DingTalk robots signed with 加签 add the secret's variable after a colon:
/// <c>vip=DING_VIP_TOKEN:DING_VIP_SECRET</c>.
/// </summary>
internal sealed class GroupDirectory
{
    private readonly IReadOnlyDictionary<string, GroupCredentials> _groups;

    public GroupDirectory(ChannelSettings settings, bool allowsSecret)
    {
        var groups = new Dictionary<string, GroupCredentials>(StringComparer.Ordinal);
        foreach (var (id, variables) in settings.Pairs("groups"))
        {
            var parts = variables.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length > (allowsSecret ? 2 : 1) || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
            {
                throw settings.Problem(allowsSecret
                    ? $"group '{id}' in setting 'groups' is '{variables}', expected TOKEN_VARIABLE or TOKEN_VARIABLE:SECRET_VARIABLE (names of environment variables)"
                    : $"group '{id}' in setting 'groups' is '{variables}', expected the name of the environment variable holding the robot's key");
            }

            groups[id] = new GroupCredentials(settings.ChannelName, id, parts[0], parts.Length == 2 ? parts[1] : null);
        }

        if (groups.Count == 0)
        {
            throw settings.Problem("setting 'groups' is missing: the group ids messages go to and the environment variables holding their robot credentials, e.g. groups: vip=ROBOT_VIP_KEY; fans=ROBOT_FANS_KEY");
        }

        _groups = groups;
    }

    public GroupCredentials? Find(string groupId) => _groups.GetValueOrDefault(groupId.Trim());

    public string Known => string.Join(", ", _groups.Keys.Order(StringComparer.Ordinal));
}

/// <summary>Where one group's robot credentials live; values are read from the environment at send time.</summary>
internal sealed record GroupCredentials(string ChannelName, string GroupId, string KeyVariable, string? SecretVariable)
{
    public string? Key => Read(KeyVariable);

    public string? Secret => SecretVariable is null ? null : Read(SecretVariable);

    public string NotSetReason(string variable)
        => $"channel '{ChannelName}' is not configured for group '{GroupId}': set the environment variable {variable} and restart";

    private static string? Read(string variable)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
