using Approval.Bench;

// ./approval demo  → dotnet run --project bench/Approval.Bench -- demo <gateway-url>
// ./approval bench → dotnet run --project bench/Approval.Bench -- load <gateway-url> <seconds> <skeleton|stage>
//                     then -- figures <approval_supervision connection string> <item instances> (the dashboard's main query)
//                     and -- gateway <gateway-url> <projects-url> (the gateway's overhead on one read)
//                     and -- timeline <approval_intake connection string> <timeline lines> (the progress endpoint's read)
return args switch
{
    ["demo", var gateway] => await Demo.RunAsync(new Uri(gateway)),
    ["figures", var connection, var count] => await FiguresBench.RunAsync(connection, int.Parse(count)),
    ["timeline", var connection, var count] => await TimelineBench.RunAsync(connection, int.Parse(count)),
    ["gateway", var gateway, var direct] => await GatewayBench.RunAsync(new Uri(gateway), new Uri(direct)),
    ["load", var gateway, var seconds, var shape] => await Load.RunAsync(new Uri(gateway), TimeSpan.FromSeconds(int.Parse(seconds)), CaseShape.Parse(shape)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Approval.Bench demo <gateway-url> | load <gateway-url> <seconds> <skeleton|stage> | gateway <gateway-url> <projects-url> | figures <connection> <count> | timeline <connection> <count>");
    return 2;
}
