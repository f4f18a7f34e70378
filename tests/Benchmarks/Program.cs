using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Benchmarks -- --filter '*'` runs every benchmark;
// each benchmark class documents what it compares and the target it checks.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
