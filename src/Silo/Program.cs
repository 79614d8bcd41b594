using TradingBot.Silo.Cli;

return await TradingBotCli.Build().Parse(args).InvokeAsync();
