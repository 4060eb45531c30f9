using System.Net;
using System.Text.Json.Nodes;
using Approval.Contracts.Errors;
using Approval.ServiceDefaults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approval.Integration.Tests;

/// <summary>
/// A 500 names its exception in Development only (ApprovalExceptionHandler.NameException), through the pipeline every
/// service runs (AddServiceDefaults, UseServiceDefaults) on a real Kestrel on 127.0.0.1.
/// </summary>
public class UnexpectedErrorTests
{
    [Fact]
    public async Task In_development_a_500_names_each_exception_of_the_chain()
    {
        var (status, body) = await CallAsync("Development", "/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("System.InvalidOperationException: outer failure ---> System.TimeoutException: the inner cause",
            JsonNode.Parse(body)!["exception"]?.GetValue<string>());
    }

    [Fact]
    public async Task Outside_development_a_500_names_nothing()
    {
        var (status, body) = await CallAsync("Production", "/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Null(JsonNode.Parse(body)!["exception"]);
        Assert.DoesNotContain("inner cause", body);
    }

    [Fact]
    public async Task A_refusal_is_not_named_as_an_exception_even_in_development()
    {
        var (status, body) = await CallAsync("Development", "/missing");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Null(JsonNode.Parse(body)!["exception"]);
    }

    private static async Task<(HttpStatusCode Status, string Body)> CallAsync(string environment, string path)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGet("/boom", string () => throw new InvalidOperationException("outer failure", new TimeoutException("the inner cause")));
        app.MapGet("/missing", string () => throw new NotFoundException("thing", "x"));
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await client.GetAsync(path);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
