using CampaignEngine.Cli;

return CampaignCli.Run(args, Console.Out, Console.Error);
