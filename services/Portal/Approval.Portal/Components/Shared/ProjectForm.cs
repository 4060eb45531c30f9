using System.Globalization;
using Approval.Portal.Clients;

namespace Approval.Portal.Components.Shared;

/// <summary>
/// What 登记项目 and 修改项目信息 type into <see cref="ProjectFields"/>: text as typed (the API checks it and names the field),
/// the planned dates (拟开工时间 / 拟建成时间) from date inputs.
/// </summary>
public sealed class ProjectForm
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string Division { get; set; } = "";
    public string Longitude { get; set; } = "";
    public string Latitude { get; set; } = "";
    public string Investment { get; set; } = "";
    public string ProjectType { get; set; } = "";
    public string Nature { get; set; } = "";
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }

    /// <summary>The form filled with a registered project, to correct it.</summary>
    public static ProjectForm From(Project p) => new()
    {
        Name = p.Name, Address = p.Address, Division = p.DivisionCode, Longitude = Text(p.Longitude), Latitude = Text(p.Latitude),
        Investment = Text(p.TotalInvestment), ProjectType = p.ProjectType.Code.ToString(CultureInfo.InvariantCulture),
        Nature = p.ConstructionNature.Code.ToString(CultureInfo.InvariantCulture), PlannedStart = p.PlannedStart, PlannedEnd = p.PlannedEnd,
    };

    public ProjectCorrection ToCorrection() => new(Name.Trim(), Address.Trim(), Division.Trim(), Number(Longitude), Number(Latitude),
        Number(Investment), Code(ProjectType), Code(Nature), PlannedStart, PlannedEnd);

    public ProjectRegistration ToRegistration(string projectCode)
    {
        var c = ToCorrection();
        return new(projectCode.Trim(), c.Name, c.Address, c.DivisionCode, c.Longitude, c.Latitude, c.TotalInvestment, c.ProjectType,
            c.ConstructionNature, c.PlannedStart, c.PlannedEnd);
    }

    private static int? Code(string text) => int.TryParse(text, out var value) ? value : null;

    private static decimal? Number(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Text(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
