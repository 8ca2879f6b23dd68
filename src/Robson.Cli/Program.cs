using Robson.Cli;

return CliApp.Run(args, CliIO.FromProcess());
