using BalanceClients.Cli;

return await BalancesCommand.RunAsync(args, CliConsole.FromProcess(), CancellationToken.None).ConfigureAwait(false);
