namespace Approval.Catalog.Domain;

/// <summary>
/// One version of an item. A draft can be edited; publishing fixes it for good (an edit is then a 409) and it
/// supersedes the earlier published version from its EffectiveFrom date. Applications keep the version they started with.
/// </summary>
public sealed class ItemVersion
{
    public required string Code { get; init; }
    public required int Version { get; init; }
    public ItemVersionStatus Status { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public ItemDefinition Definition { get; private set; } = null!;
    /// <summary>Denormalised from the definition for queries.</summary>
    public string Name { get; private set; } = "";
    public int StageNo { get; private set; }
    public string DepartmentCode { get; private set; } = "";
    public uint RowVersion { get; private set; }

    public static ItemVersion Draft(ItemDefinition definition, int version)
    {
        var item = new ItemVersion { Code = definition.Code, Version = version, Status = ItemVersionStatus.Draft };
        item.Set(definition);
        return item;
    }

    public static ItemVersion Published(ItemDefinition definition, DateOnly effectiveFrom, DateTimeOffset now)
    {
        var item = Draft(definition, definition.Version);
        item.Publish(effectiveFrom, now);
        return item;
    }

    public void Edit(ItemDefinition definition)
    {
        if (Status == ItemVersionStatus.Published) throw new PublishedVersionException(Code, Version);
        Set(definition);
    }

    public void Publish(DateOnly effectiveFrom, DateTimeOffset now)
    {
        if (Status == ItemVersionStatus.Published) throw new PublishedVersionException(Code, Version);
        Status = ItemVersionStatus.Published;
        EffectiveFrom = effectiveFrom;
        PublishedAt = now;
        Definition = Definition with { EffectiveFrom = effectiveFrom };
    }

    private void Set(ItemDefinition definition)
    {
        Definition = definition with { Code = Code, Version = Version };
        Name = definition.Name;
        StageNo = definition.StageNo;
        DepartmentCode = definition.DepartmentCode;
    }
}

public enum ItemVersionStatus
{
    Draft = 0,
    Published = 1,
}
