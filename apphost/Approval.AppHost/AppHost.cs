// The suite for local development and the end-to-end tests. PostgreSQL and RabbitMQ run as local
// processes that ./approval starts (no container engine here); their connection strings arrive as
// ConnectionStrings:postgres and ConnectionStrings:rabbitmq. Every service waits for the ones it needs.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddConnectionString("postgres");
var rabbitmq = builder.AddConnectionString("rabbitmq");
var regionPack = builder.Configuration["Approval:RegionPack"]
    ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "regions", "320193"));
var environment = builder.Environment.EnvironmentName;

// Services get random ports; only the gateway is reached from outside (Approval:GatewayPort, 0 = random).
IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name, launchProfileName: null)
        .WithHttpEndpoint(name: "http")
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
        // DEV-ONLY header identity until the Identity service (issue 3) issues real tokens.
        .WithEnvironment("Approval__DevIdentity", "true")
        .WithReference(postgres)
        .WithHttpHealthCheck("/health");

var catalog = Service<Projects.Approval_Catalog>("catalog")
    .WithEnvironment("Approval__RegionPack", regionPack).WithReference(rabbitmq);
var intake = Service<Projects.Approval_Intake>("intake")
    .WithReference(rabbitmq).WithReference(catalog).WaitFor(catalog);
var approvals = Service<Projects.Approval_Approvals>("approvals").WithReference(rabbitmq)
    .WithEnvironment("Approval__RegionPack", regionPack);
var licences = Service<Projects.Approval_Licences>("licences").WithReference(rabbitmq);
// Licences reads an application's progress from Intake to build its archive package.
licences.WithReference(intake);

var gatewayPort = int.TryParse(builder.Configuration["Approval:GatewayPort"], out var port) ? port : 18080;
builder.AddProject<Projects.Approval_Gateway>("gateway", launchProfileName: null)
    .WithHttpEndpoint(name: "http", port: gatewayPort > 0 ? gatewayPort : null)
    .WithExternalHttpEndpoints()
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
    .WithEnvironment("Approval__DevIdentity", "true")
    .WithReference(catalog).WithReference(intake).WithReference(approvals).WithReference(licences)
    .WaitFor(catalog).WaitFor(intake).WaitFor(approvals).WaitFor(licences)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
