using System.Text.Json.Nodes;

namespace Approval.Portal.Components.Pages.Admin;

/// <summary>
/// The fields of an item definition the catalog editor screen edits (name, time limit, basis, delivery, materials, fees),
/// read from the definition's JSON and written back into a copy of it: what the screen does not edit (form fields,
/// guide, licence, order …) goes back as it came (docs/catalog.md).
/// </summary>
public sealed class CatalogDraft
{
    public string Name { get; set; } = "";
    public int TimeLimitWorkingDays { get; set; }
    /// <summary>The limit as the guide states it in <see cref="TimeLimitUnit"/> (hours, calendar days …); unused in working days.</summary>
    public int? TimeLimit { get; set; }
    public int TimeLimitUnit { get; set; } = 1;
    public string? LegalBasis { get; set; }
    public string ResultDelivery { get; set; } = "";
    public bool NotificationCommitment { get; set; }
    public List<MaterialRow> Materials { get; } = [];
    public List<FeeRow> Fees { get; } = [];

    public static readonly string[] Forms = ["原件", "复印件", "电子件"];

    /// <summary>Material sources (MaterialSources of the catalog) with their names.</summary>
    public static readonly (string Code, string Name)[] Sources =
        [("applicant", "申请人提交"), ("licence-library", "电子证照库调取"), ("shared", "部门共享获取")];

    public static CatalogDraft From(JsonObject definition)
    {
        var draft = new CatalogDraft
        {
            Name = Text(definition, "name") ?? "",
            TimeLimitWorkingDays = (int?)definition["timeLimitWorkingDays"] ?? 0,
            TimeLimit = (int?)definition["timeLimit"],
            TimeLimitUnit = (int?)definition["timeLimitUnit"] ?? 1,
            LegalBasis = Text(definition, "legalBasis"),
            ResultDelivery = Text(definition, "resultDelivery") ?? "",
            NotificationCommitment = (bool?)definition["notificationCommitment"] ?? false,
        };
        foreach (var m in definition["materials"] as JsonArray ?? [])
            if (m is JsonObject o)
                draft.Materials.Add(new() { Name = Text(o, "name") ?? "", Form = Text(o, "form") ?? "原件", Copies = (int?)o["copies"] ?? 1,
                    Source = Text(o, "source") ?? "applicant", Required = (bool?)o["required"] ?? true });
        foreach (var f in definition["fees"] as JsonArray ?? [])
            if (f is JsonObject o)
                draft.Fees.Add(new() { Name = Text(o, "name") ?? "", Basis = Text(o, "basis") ?? "", Amount = (decimal?)o["amount"], Unit = Text(o, "unit") });
        return draft;
    }

    /// <summary>A copy of <paramref name="definition"/> with this screen's fields.</summary>
    public JsonObject ApplyTo(JsonObject definition)
    {
        var copy = (JsonObject)definition.DeepClone();
        copy["name"] = Name.Trim();
        copy["timeLimitWorkingDays"] = TimeLimitWorkingDays;
        // In working days the stated limit is the working days themselves (the catalog refuses a different one).
        copy["timeLimit"] = TimeLimitUnit == 1 ? null : TimeLimit;
        copy["legalBasis"] = string.IsNullOrWhiteSpace(LegalBasis) ? null : LegalBasis.Trim();
        copy["resultDelivery"] = ResultDelivery.Trim();
        copy["notificationCommitment"] = NotificationCommitment;
        copy["materials"] = new JsonArray(Materials.Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m.Name.Trim(), ["form"] = m.Form, ["copies"] = m.Copies, ["source"] = m.Source, ["required"] = m.Required,
        }).ToArray());
        copy["fees"] = new JsonArray(Fees.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name.Trim(), ["basis"] = f.Basis.Trim(), ["amount"] = f.Amount, ["unit"] = string.IsNullOrWhiteSpace(f.Unit) ? null : f.Unit.Trim(),
        }).ToArray());
        return copy;
    }

    public static string UnitName(int unit) => unit switch { 2 => "自然日", 3 => "小时", 4 => "分钟", 5 => "个月", _ => "工作日" };

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public sealed class MaterialRow
    {
        public string Name { get; set; } = "";
        public string Form { get; set; } = "原件";
        public int Copies { get; set; } = 1;
        public string Source { get; set; } = "applicant";
        public bool Required { get; set; } = true;
    }

    public sealed class FeeRow
    {
        public string Name { get; set; } = "";
        public string Basis { get; set; } = "";
        public decimal? Amount { get; set; }
        public string? Unit { get; set; }
    }
}
