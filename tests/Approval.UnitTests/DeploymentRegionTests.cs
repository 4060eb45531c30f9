using Approval.ServiceDefaults.Region;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.UnitTests;

/// <summary>The one region type: every service reads the deployment's region from the region pack (Approval:RegionPack).</summary>
public sealed class DeploymentRegionTests
{
    [Fact]
    public void The_demo_pack_is_region_320193_with_its_departments_and_credit_codes()
    {
        var region = DeploymentRegion.Read(RepoPaths.RegionPack());
        Assert.Equal(("320193", "示范区"), (region.Code, region.Name));
        Assert.Equal(new RegionDepartment("STJ", "示范区生态环境局", "11320193MB00010050"), region.Department("STJ"));
        Assert.Null(region.Department("NOPE"));
        Assert.Equal("intermediary", region.Department("ZJ01")!.Kind);
        Assert.False(region.Department("ZJ01")!.IsDepartment);
        Assert.Equal(4, region.Departments.Count(d => d.Kind == "intermediary"));
        Assert.Equal(region.Departments.Count, region.Departments.Select(d => d.Code).Distinct().Count());
    }

    [Fact]
    public void AddDeploymentRegion_registers_one_region_read_at_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[DeploymentRegion.Setting] = RepoPaths.RegionPack();
        builder.AddDeploymentRegion().AddDeploymentRegion();
        using var host = builder.Build();
        Assert.Single(builder.Services, d => d.ServiceType == typeof(DeploymentRegion));
        Assert.Same(host.Services.GetRequiredService<DeploymentRegion>(), host.Services.GetRequiredService<DeploymentRegion>());
        Assert.Equal("320193", host.Services.GetRequiredService<DeploymentRegion>().Code);
    }

    [Fact]
    public void A_service_without_the_region_pack_setting_refuses_to_start_naming_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[DeploymentRegion.Setting] = null;
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDeploymentRegion());
        Assert.Contains("Approval:RegionPack", error.Message);
    }
}
