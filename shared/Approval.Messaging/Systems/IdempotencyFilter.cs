using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approval.Messaging.Systems;

/// <summary>
/// Lets an existing endpoint accept <c>Idempotency-Key</c> (an organisation's system retrying a step): with the header
/// the call runs through <see cref="Idempotency"/> — its effect and its answer in one transaction, a replay answers the
/// first answer with no second effect, the key with another request 422; without the header (the portal) it runs as
/// before. The request's fingerprint is the endpoint's body parameters as bound (the path is part of the request too).
/// </summary>
public static class IdempotencyFilter
{
    /// <summary>On an endpoint or a group of them (every endpoint of the group).</summary>
    public static TBuilder AcceptsIdempotencyKey<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
            var body = factory.MethodInfo.GetParameters().Select((p, i) => (p, i)).Where(x => IsBody(x.p, services)).Select(x => x.i).ToArray();
            return async context =>
            {
                var http = context.HttpContext;
                if (!http.Request.Headers.ContainsKey(Idempotency.Header)) return await next(context);
                var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                var hash = Idempotency.Fingerprint(body.Select(i => context.Arguments[i]));
                return await http.RequestServices.GetRequiredService<Idempotency>().RunAsync(http, hash, async () => Answer(await next(context), json));
            };
        }).WithMetadata(new IdempotencyKeyMetadata());

    /// <summary>A handler's answer as status and JSON body (a typed result's value, or the returned object itself).</summary>
    private static (int Status, string Body) Answer(object? result, JsonSerializerOptions json) => result switch
    {
        IValueHttpResult value => ((result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK, Serialize(value.Value, json)),
        IStatusCodeHttpResult status => (status.StatusCode ?? StatusCodes.Status200OK, "null"),
        _ => (StatusCodes.Status200OK, Serialize(result, json)),
    };

    private static string Serialize(object? value, JsonSerializerOptions json) =>
        value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), json);

    /// <summary>A parameter bound from the body: a complex type that is not a service, the user, the request or [AsParameters].</summary>
    private static bool IsBody(ParameterInfo p, IServiceProviderIsService services)
    {
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        if (p.GetCustomAttributes().Any(a => a is IFromBodyMetadata)) return true;
        if (p.GetCustomAttributes().Any(a => a is AsParametersAttribute or IFromServiceMetadata or IFromRouteMetadata or IFromQueryMetadata or IFromHeaderMetadata))
            return false;
        return !type.IsPrimitive && !type.IsEnum && type != typeof(string) && type != typeof(Guid) && type != typeof(decimal) && type != typeof(DateTimeOffset)
            && type != typeof(ClaimsPrincipal) && type != typeof(HttpContext) && type != typeof(HttpRequest) && type != typeof(CancellationToken)
            && !typeof(IFormFile).IsAssignableFrom(type) && !typeof(IFormFileCollection).IsAssignableFrom(type) && !services.IsService(type);
    }
}

/// <summary>Marks an endpoint that accepts Idempotency-Key (for the OpenAPI document and tests).</summary>
public sealed class IdempotencyKeyMetadata;
