using System.Text;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat.Groups;

/// <summary>What every group robot needs of a message: a known group, some text, within the robot's byte limit and keywords.</summary>
internal static class GroupMessageCheck
{
    public static MessageCheck Check(ChannelMessage message, ChatSettings settings, string robot)
    {
        var problems = new List<string>();
        if (settings.Groups.Find(message.Address) is null)
        {
            problems.Add($"'{message.Address}' is not one of the {robot} groups this channel knows ({settings.Groups.Known}); add it to 'groups' in engine.yaml or correct the audience's group.");
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            problems.Add($"The {robot} message is empty; make {TemplateWords.Of(message)} produce text.");
            return new MessageCheck(problems);
        }

        var bytes = Encoding.UTF8.GetByteCount(message.Text);
        if (bytes > settings.MaxBytes)
        {
            problems.Add($"The {robot} message is {bytes} bytes (UTF-8, a Chinese character is 3); the robot accepts at most {settings.MaxBytes}. Shorten the template.");
        }

        if (settings.Keywords.Count > 0 && !settings.Keywords.Any(k => message.Text.Contains(k, StringComparison.Ordinal)))
        {
            problems.Add($"The {robot} robot only posts messages containing one of its keywords ({string.Join(", ", settings.Keywords)}); put one in the template.");
        }

        return new MessageCheck(problems);
    }
}
