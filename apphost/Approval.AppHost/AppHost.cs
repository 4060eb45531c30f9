using Microsoft.Extensions.Configuration;

// The suite for local development and the end-to-end tests. PostgreSQL and RabbitMQ run as local
// processes that ./approval starts (no container engine here); their connection strings arrive as
// ConnectionStrings:postgres and ConnectionStrings:rabbitmq. Every service waits for the ones it needs.
// The bench's topology (Approval:BenchTopology, set by ./approval bench only): no dashboard and no OTLP export (the
// endpoint Aspire would still name is emptied, ServiceDefaults then adds no exporter), and no Aspire proxy in front of
// the services — as in a cluster without a collector (issue 22: their CPU was the bench's).
var benchTopology = new ConfigurationBuilder().AddCommandLine(args).AddEnvironmentVariables().Build().GetValue<bool>("Approval:BenchTopology");
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = benchTopology });

var postgres = builder.AddConnectionString("postgres");
var rabbitmq = builder.AddConnectionString("rabbitmq");
var regionPack = builder.Configuration["Approval:RegionPack"]
    ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "regions", "320193"));
var environment = builder.Environment.EnvironmentName;
// The suite's services (shared/services.json, docs/adding-a-service.md): each is added below, under the same name.
var suite = SuiteManifest(Path.Combine(builder.AppHostDirectory, "..", "..", "shared", "services.json"));
var added = new Dictionary<string, IResourceBuilder<ProjectResource>>();

// Services get random ports; only the gateway is reached from outside (Approval:GatewayPort, 0 = random). In the bench's
// topology each listens on its port itself (a non-proxied endpoint needs a concrete one: a free port picked now).
IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name, launchProfileName: null)
        .WithHttpEndpoint(name: "http", port: benchTopology ? FreePort() : null, isProxied: !benchTopology)
        .WithBenchTopology(benchTopology)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
        .WithReference(postgres)
        .WithHttpHealthCheck("/health");
// A service of the list: the gateway (and, with an API, the portal) reference it and wait for it.
IResourceBuilder<ProjectResource> Listed(IResourceBuilder<ProjectResource> service) => added[service.Resource.Name] = service;

// Identity (OpenIddict) issues the tokens every other service validates; its issuer is the gateway's public address.
// Local-development secrets only (README, docs/identity.md); a deployment configures its own.
string Setting(string key, string fallback) => builder.Configuration[key] ?? fallback;
var identity = Listed(Service<Projects.Approval_Identity>("identity"))
    .WithEnvironment("Approval__RegionPack", regionPack)
    .WithEnvironment("Approval__Identity__SeedDemo", "true")
    .WithEnvironment("Approval__Identity__AdminPassword", Setting("Approval:Identity:AdminPassword", "Admin#2026pass"))
    .WithEnvironment("Approval__Identity__DemoPassword", Setting("Approval:Identity:DemoPassword", "Demo#2026pass"))
    .WithEnvironment("Approval__Identity__DemoTotpKey", Setting("Approval:Identity:DemoTotpKey", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"));
// Each department system (dept-CODE-system) has its own secret: dept-CODE-demo-secret unless configured.
foreach (var department in RegionDepartments(regionPack))
    identity.WithEnvironment($"Approval__Identity__DepartmentClients__{department}__Secret",
        Setting($"Approval:Identity:DepartmentClients:{department}:Secret", $"dept-{department}-demo-secret"));
// The services read the discovery document and keys at identity's own address (Authority); the issuer it names is the
// gateway's public address (set below, once the gateway's port is known), as in a cluster.
identity.WithEnvironment("Approval__Identity__Authority", identity.GetEndpoint("http"));

// A second, separately configured instance of the identity server plays the provincial platform
// (省级政务服务平台) that identity federates with over OIDC: own database, own cookie, no demo users.
const string federationSecret = "province-federation-demo-secret";
var province = Service<Projects.Approval_Identity>("province")
    .WithEnvironment("Approval__RegionPack", regionPack)
    .WithEnvironment("ConnectionStrings__identitydb", ReferenceExpression.Create($"{postgres.Resource.ConnectionStringExpression};Database=approval_province"))
    .WithEnvironment("Approval__Identity__CookieName", "province.signin")
    .WithEnvironment("Approval__Identity__FederatedClient__ClientId", "approval-city")
    .WithEnvironment("Approval__Identity__FederatedClient__ClientSecret", federationSecret)
    .WithEnvironment("Approval__Identity__FederatedClient__RedirectUri", ReferenceExpression.Create($"{identity.GetEndpoint("http")}/callback/province"));
province.WithEnvironment("Approval__Identity__Issuer", province.GetEndpoint("http"))
    .WithEnvironment("Approval__Identity__Authority", province.GetEndpoint("http"));
identity.WithEnvironment("Approval__Identity__Federation__Issuer", province.GetEndpoint("http"))
    .WithEnvironment("Approval__Identity__Federation__ClientId", "approval-city")
    .WithEnvironment("Approval__Identity__Federation__ClientSecret", federationSecret);

var catalog = Listed(Service<Projects.Approval_Catalog>("catalog")
    .WithEnvironment("Approval__RegionPack", regionPack).WithReference(rabbitmq).WithReference(identity));
// Every service that needs the deployment's region reads it from the region pack (DeploymentRegion).
var intake = Listed(Service<Projects.Approval_Intake>("intake").WithEnvironment("Approval__RegionPack", regionPack)
    .WithReference(rabbitmq).WithReference(catalog).WaitFor(catalog).WithReference(identity));
var approvals = Listed(Service<Projects.Approval_Approvals>("approvals").WithReference(rabbitmq).WithReference(identity)
    .WithEnvironment("Approval__RegionPack", regionPack).WithReference(catalog).WaitFor(catalog));
// Tests only (docs/approvals.md, "Time in tests"): each service's clock may start at a given instant; honoured in
// Development/Testing only, refused elsewhere. Unset (the default, and always in `up`), the services use real time.
foreach (var (service, key) in new[] { (intake, "Approval:Time:IntakeNow"), (approvals, "Approval:Time:ApprovalsNow") })
    if (builder.Configuration[key] is { Length: > 0 } now) service.WithEnvironment("Approval__Time__Now", now);
// Tests only: networks a department system's webhook may reach although internal (docs/approvals.md, "Webhooks"); the
// end-to-end receivers listen on 127.0.0.2 and the tests allow exactly 127.0.0.2/32. Unset, every internal address is refused.
foreach (var network in builder.Configuration.GetSection("Approval:Webhooks:AllowedNetworks").GetChildren())
    approvals.WithEnvironment($"Approval__Webhooks__AllowedNetworks__{network.Key}", network.Value);
var licences = Listed(Service<Projects.Approval_Licences>("licences").WithReference(rabbitmq).WithReference(identity))
    // The organisation record: a department's seal is named and credit-coded from the region pack.
    .WithEnvironment("Approval__RegionPack", regionPack)
    // Local-development key only (docs/licences.md): a deployment configures its own 32-hex-digit key.
    .WithEnvironment("Approval__Licences__SealKeyEncryptionKey",
        Setting("Approval:Licences:SealKeyEncryptionKey", "000102030405060708090a0b0c0d0e0f"));
// Licences reads an application's progress from Intake to build its archive package, and asks Approvals whether an
// item a department wants to issue a certificate for is routed to it.
licences.WithReference(intake).WithReference(approvals);
// Projects checks project codes against the region; Notifications only listens to events.
var projects = Listed(Service<Projects.Approval_Projects>("projects")
    .WithEnvironment("Approval__RegionPack", regionPack).WithReference(rabbitmq).WithReference(identity));
Listed(Service<Projects.Approval_Notifications>("notifications").WithReference(rabbitmq).WithReference(identity));
// Intake prefills stage forms from a project's data, read by engineering code (工程代码) with the caller's token.
intake.WithReference(projects);
// Utilities (市政公用服务接入): an application names the applicant's project (Projects, caller's token); Intake asks it whether a
// utility may read a project's design materials (R-10.4).
var utilities = Listed(Service<Projects.Approval_Utilities>("utilities")
    .WithEnvironment("Approval__RegionPack", regionPack).WithReference(rabbitmq).WithReference(identity).WithReference(projects));
intake.WithReference(utilities);
// The marketplace (中介服务): project ownership from Projects and seals from Licences, both called with the caller's token.
var marketplace = Listed(Service<Projects.Approval_Marketplace>("marketplace").WithEnvironment("Approval__RegionPack", regionPack)
    .WithReference(rabbitmq).WithReference(identity).WithReference(projects).WithReference(licences));
// Technical reviews (docs/reviews.md): the applicant's project is checked with Projects, results sealed by Licences.
var reviews = Listed(Service<Projects.Approval_Reviews>("reviews").WithEnvironment("Approval__RegionPack", regionPack)
    .WithReference(rabbitmq).WithReference(identity).WithReference(projects).WithReference(licences));
// Supervision (督查, docs/supervision.md): a read model of every clock, fed only by events; its clocks run on the pack's calendar.
var supervision = Listed(Service<Projects.Approval_Supervision>("supervision").WithEnvironment("Approval__RegionPack", regionPack)
    .WithReference(rabbitmq).WithReference(identity));
// The data exchange (数据共享交换, docs/exchange.md): fed only by events; writes the national tables into the front database
// (前置库), approval_front on the same server here.
Listed(Service<Projects.Approval_Exchange>("exchange").WithEnvironment("Approval__RegionPack", regionPack)
    .WithReference(rabbitmq).WithReference(identity));
// Tests only: the review agencies', utilities', intermediaries' and regulators' own systems' webhooks (docs/api.md) may reach
// the same allowed networks as Approvals'.
foreach (var network in builder.Configuration.GetSection("Approval:Webhooks:AllowedNetworks").GetChildren())
    foreach (var service in new[] { reviews, utilities, marketplace, supervision })
        service.WithEnvironment($"Approval__Webhooks__AllowedNetworks__{network.Key}", network.Value);
// Run-time calendar years (docs/approvals.md): the services that keep clocks read the years uploaded in Approvals at start.
foreach (var clocks in new[] { utilities, marketplace, reviews, supervision }) clocks.WithReference(approvals);
// Approvals' project clock shows the project's technical reviews, read from Reviews with the caller's token.
approvals.WithReference(reviews);
// Tests only, like Intake's and Approvals' above: the calendar suite starts Reviews' clock at its instant too.
if (builder.Configuration["Approval:Time:ReviewsNow"] is { Length: > 0 } reviewsNow) reviews.WithEnvironment("Approval__Time__Now", reviewsNow);

// The web portal (docs/portal.md): reached through the gateway; calls the services directly with the user's token.
// Its own database (approval_portal) keeps only its Data Protection keys.
var portal = Listed(Service<Projects.Approval_Portal>("portal"));
foreach (var (name, _) in suite.Where(s => s.Api)) portal.WithReference(added[name]);
var missing = suite.Select(s => s.Name).Except(added.Keys).ToList();
if (missing.Count > 0) throw new InvalidOperationException($"shared/services.json lists {string.Join(", ", missing)}, which the AppHost does not add.");

// The gateway takes its connections itself (no Aspire proxy in front of it), so it sees the client's own address as a
// deployment does: rate limits and the audit's client address (X-Forwarded-For to the services) are the caller's.
// A non-proxied endpoint needs a concrete port: 0 picks a free one now.
var gatewayPort = int.TryParse(builder.Configuration["Approval:GatewayPort"], out var port) ? port : 18080;
if (gatewayPort <= 0) gatewayPort = FreePort();
var gateway = builder.AddProject<Projects.Approval_Gateway>("gateway", launchProfileName: null)
    .WithHttpEndpoint(name: "http", port: gatewayPort, isProxied: false)
    .WithExternalHttpEndpoints()
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment)
    .WithBenchTopology(benchTopology)
    .WithHttpHealthCheck("/health");
foreach (var (name, _) in suite) gateway.WithReference(added[name]).WaitFor(added[name]);

// The portal's sign-in callback is on the gateway's origin (127.0.0.1 or localhost); the first URI stays for the
// scripted clients of the tests and ./approval demo (docs/identity.md).
// The port is known here (the gateway's endpoint is not proxied); identity and licences must not wait for the gateway's
// endpoint, which waits for them.
// The QR code on each certificate opens the public verification through the gateway.
// (Plain strings: an interpolated string here would bind to Aspire's ReferenceExpression overload.)
string gatewayAt = $"http://127.0.0.1:{gatewayPort}", gatewayAtLocalhost = $"http://localhost:{gatewayPort}";
licences.WithEnvironment("Approval__Licences__PublicBaseUrl", gatewayAt);
// The issuer is the public address every client reaches (R-0.4): a standard OIDC client discovering through the gateway
// finds the gateway named as issuer and every endpoint on it (the discovery document is built from the issuer).
identity.WithEnvironment("Approval__Identity__Issuer", gatewayAt + "/");
identity.WithEnvironment("Approval__Identity__PortalRedirectUris__0", "http://127.0.0.1/signin-callback")
    .WithEnvironment("Approval__Identity__PortalRedirectUris__1", gatewayAt + "/signin-oidc")
    .WithEnvironment("Approval__Identity__PortalRedirectUris__2", gatewayAtLocalhost + "/signin-oidc");

builder.Build().Run();

// A port free on the loopback now (for an endpoint Aspire does not proxy).
static int FreePort()
{
    using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    probe.Start();
    return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
}

// The services of shared/services.json: name, and whether the gateway routes an API to it ("api", default true).
static List<(string Name, bool Api)> SuiteManifest(string file) =>
    System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("services").EnumerateArray()
        .Select(s => (s.GetProperty("name").GetString()!, !s.TryGetProperty("api", out var api) || api.GetBoolean())).ToList();

// The department codes of the region pack (catalog.json's departments[].code), as Identity seeds their clients.
static IEnumerable<string> RegionDepartments(string pack) =>
    System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "catalog.json"))).RootElement
        .GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToList();

static class BenchTopologyExtensions
{
    /// <summary>In the bench's topology, no OTLP export: the endpoint Aspire sets (with or without a dashboard) is emptied.</summary>
    public static IResourceBuilder<ProjectResource> WithBenchTopology(this IResourceBuilder<ProjectResource> project, bool benchTopology) =>
        benchTopology ? project.WithEnvironment(e => e.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = "") : project;
}
