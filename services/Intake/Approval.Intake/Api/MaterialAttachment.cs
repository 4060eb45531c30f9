using Approval.Intake.Clients;
using Approval.Intake.Data;
using Approval.Intake.Domain;

namespace Approval.Intake.Api;

/// <summary>
/// Turns an applicant's material choices into attached materials (R-4.6): each names an entry of the chosen items'
/// material lists and refers either to a material the applicant uploaded before (by id: never a second upload) or
/// to an e-licence the applicant holds (issued for one of their applications, neither revoked nor expired). An item's 补正
/// answer may also name the entries of its list.
/// Every wrong choice is a 400 naming materials[i].
/// </summary>
public sealed class MaterialAttachment(IntakeDbContext db, CatalogClient catalog)
{
    public Task<List<AttachedMaterial>> ResolveAsync(Domain.Application application, IReadOnlyList<MaterialChoice>? choices, DateTimeOffset now, CancellationToken ct) =>
        ResolveAsync(application, choices, now, [], ct);

    /// <param name="alsoNamed">Names allowed besides the material lists' (the entries of an item's 补正 list).</param>
    public async Task<List<AttachedMaterial>> ResolveAsync(Domain.Application application, IReadOnlyList<MaterialChoice>? choices, DateTimeOffset now,
        IEnumerable<string> alsoNamed, CancellationToken ct)
    {
        if (choices is null || choices.Count == 0) return [];
        var names = (await MaterialListAsync(application, ct)).Select(m => m.Name).Concat(alsoNamed).ToHashSet();
        var materialIds = choices.Where(c => c.MaterialId is not null).Select(c => c.MaterialId!.Value).ToList();
        var own = await db.Materials.AsNoTracking().Where(m => materialIds.Contains(m.Id) && m.OwnerId == application.ApplicantId)
            .Select(m => m.Id).ToListAsync(ct);
        var identifiers = choices.Where(c => c.LicenceIdentifier is not null).Select(c => c.LicenceIdentifier!).ToList();
        var licences = await HeldLicences(db, application.ApplicantId).Where(l => identifiers.Contains(l.Identifier)).ToListAsync(ct);

        var errors = new FieldErrors();
        var attached = new List<AttachedMaterial>();
        for (var i = 0; i < choices.Count; i++)
        {
            var (name, materialId, identifier) = choices[i];
            var field = $"materials[{i}]";
            if (string.IsNullOrWhiteSpace(name) || !names.Contains(name.Trim()))
                errors.Add($"{field}.name", $"must be an entry of the items' material lists: {string.Join(", ", names)} / 应为所选事项材料清单中的材料：{string.Join("、", names)}");
            if ((materialId is null) == (identifier is null))
                errors.Add(field, "give exactly one of materialId and licenceIdentifier / materialId与licenceIdentifier须且只能填写一个");
            else if (materialId is not null && !own.Contains(materialId.Value))
                errors.Add($"{field}.materialId", "is not one of your uploaded materials / 不是您上传的材料");
            else if (identifier is not null && licences.All(l => l.Identifier != identifier))
                errors.Add($"{field}.licenceIdentifier", "is not a valid e-licence you hold / 不是您持有的有效电子证照");
            if (!string.IsNullOrWhiteSpace(name))
                attached.Add(new AttachedMaterial
                {
                    ApplicationId = application.Id, Name = name.Trim(), MaterialId = materialId,
                    LicenceId = licences.FirstOrDefault(l => l.Identifier == identifier)?.LicenceId, LicenceIdentifier = identifier,
                    AttachedAt = now,
                });
        }
        errors.ThrowIfAny();
        return attached;
    }

    /// <summary>The union of the material lists of the application's items, the first entry of each name kept.</summary>
    public async Task<List<CatalogMaterial>> MaterialListAsync(Domain.Application application, CancellationToken ct)
    {
        var lists = await Task.WhenAll(application.Items.Select(i => catalog.GetMaterialsAsync(i.ItemCode, ct)));
        return lists.SelectMany(l => l).DistinctBy(m => m.Name).ToList();
    }

    /// <summary>The valid e-licences an applicant holds: issued for their applications, not revoked, not expired.</summary>
    public static IQueryable<IssuedLicence> HeldLicences(IntakeDbContext db, string applicantId) =>
        db.Licences.AsNoTracking()
            .Where(l => l.RevokedAt == null && l.ExpiredAt == null)
            .Where(l => db.Applications.Any(a => a.Id == l.ApplicationId && a.ApplicantId == applicantId));
}
