using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Approval.UnitTests;

/// <summary>
/// The [AsParameters] services bundles (IntakeServices, ApprovalsServices, LicencesServices): minimal APIs build such a
/// parameter through its one public constructor, whose parameters must match public properties by name and type — a
/// mismatch only shows when the endpoint is first built, and the service then fails to start. Checked here for every
/// endpoint handler that takes a bundle.
/// </summary>
public sealed class ServicesBundleTests
{
    private static readonly Assembly[] Services =
        [typeof(Approval.Intake.Api.IntakeServices).Assembly, typeof(Approval.Approvals.Api.ApprovalsServices).Assembly,
            typeof(Approval.Licences.Api.LicencesServices).Assembly, typeof(Approval.Reviews.Api.ReviewsServices).Assembly];

    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        foreach (var type in BundleTypes()) data.Add(type.FullName!);
        return data;
    }

    private static List<Type> BundleTypes() => Services.SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .SelectMany(m => m.GetParameters()).Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
        .Select(p => p.ParameterType).Distinct().ToList();

    [Fact]
    public void Each_service_with_long_handlers_has_its_bundle_in_use() =>
        Assert.Equal(["ApprovalsServices", "IntakeServices", "LicencesServices", "ReviewsServices"], BundleTypes().Select(t => t.Name).Order());

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Every_constructor_parameter_matches_a_property_by_name_and_type(string bundle)
    {
        var type = BundleTypes().Single(t => t.FullName == bundle);
        var constructor = Assert.Single(type.GetConstructors());
        foreach (var parameter in constructor.GetParameters())
        {
            var property = type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            Assert.True(property is not null && property.PropertyType == parameter.ParameterType,
                $"{type.Name}({parameter.ParameterType.Name} {parameter.Name}) has no public property {parameter.Name} of that type");
        }
    }
}
