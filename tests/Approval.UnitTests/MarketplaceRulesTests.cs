using Approval.Calendar;
using Approval.Contracts.Codes;
using Approval.Marketplace.Domain;

namespace Approval.UnitTests;

/// <summary>Qualification rules at selection time, quote rounds and the commission's steps and clocks.</summary>
public sealed class MarketplaceRulesTests
{
    private static readonly DateOnly Today = new(2026, 10, 12);
    private static readonly DateTimeOffset Now = new(2026, 10, 12, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly ServiceType Feasibility = ServiceTypes.Find("feasibility-report")!;

    public static string CreditCode(int n)
    {
        var first17 = $"91320193MA{n:D7}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    private static QualificationInput Q(string number, DateOnly from, DateOnly to, params string[] covers) =>
        new("工程咨询单位资信", "甲级", "江苏省发展和改革委员会", number, from, to, [.. covers]);

    public static Agency Verified(string name, QualificationInput q, string[]? suspended = null, string[]? areas = null)
    {
        var a = Agency.Register("ZJ01", "320193", new AgencyProfile(name, CreditCode(1234567), "0512-60000000", 30, 5000m, 80000m,
            ["feasibility-report", "project-proposal"], [q], [.. areas ?? ["320193"]]), Now);
        a.Review(true, suspended ?? [], null, "admin", Now);
        return a;
    }

    [Fact]
    public void A_valid_covering_qualification_of_a_verified_agency_offering_the_service_passes() =>
        Assert.Null(QualificationRules.Check(Verified("甲咨询", Q("Q1", Today.AddYears(-1), Today, "feasibility-report")), Feasibility, Today, offersService: true));

    [Fact]
    public void An_expired_qualification_is_refused_at_selection_time_though_it_was_accepted_at_registration()
    {
        var agency = Verified("乙咨询", Q("Q2", Today.AddYears(-3), Today.AddDays(-1), "feasibility-report"));
        var breach = QualificationRules.Check(agency, Feasibility, Today, offersService: true)!;
        Assert.Equal("expired", breach.Rule);
        Assert.Contains("已于2026-10-11过期", breach.Chinese);
        Assert.Null(QualificationRules.Check(agency, Feasibility, Today.AddDays(-1), offersService: true));
    }

    [Theory]
    [InlineData("project-proposal", true, "not-covering")]
    [InlineData("feasibility-report", false, "not-covering")]
    public void A_qualification_or_service_not_covering_the_service_type_is_named(string covers, bool offers, string rule) =>
        Assert.Equal(rule, QualificationRules.Check(Verified("丙咨询", Q("Q3", Today.AddYears(-1), Today.AddYears(1), covers)), Feasibility, Today, offers)!.Rule);

    [Fact]
    public void A_suspended_qualification_and_an_unverified_agency_are_named()
    {
        Assert.Equal("suspended", QualificationRules.Check(Verified("丁咨询", Q("Q4", Today.AddYears(-1), Today.AddYears(1), "feasibility-report"), ["Q4"]),
            Feasibility, Today, true)!.Rule);
        var pending = Agency.Register("ZJ02", "320193", new AgencyProfile("戊咨询", CreditCode(7654321), "电话", 5, 0m, 1m, ["feasibility-report"],
            [Q("Q5", Today.AddYears(-1), Today.AddYears(1), "feasibility-report")], ["320193"]), Now);
        Assert.Equal("not-verified", QualificationRules.Check(pending, Feasibility, Today, true)!.Rule);
    }

    [Theory]
    [InlineData("320193", "320193", null)]
    [InlineData("320100", "320193", null)]
    [InlineData("320000", "320193", null)]
    [InlineData("320500", "320193", "outside-area")]
    [InlineData("320191", "320193", "outside-area")]
    public void An_agency_is_selectable_only_for_a_project_in_one_of_its_service_areas(string area, string division, string? rule) =>
        Assert.Equal(rule, QualificationRules.Check(Verified("己咨询", Q("Q6", Today.AddYears(-1), Today.AddYears(1), "feasibility-report"), areas: [area]),
            Feasibility, Today, offersService: true, division)?.Rule);

    [Fact]
    public void A_registration_names_every_bad_field()
    {
        var bad = Assert.Throws<Approval.Contracts.Errors.ValidationException>(() => Agency.Register("ZJ01", "320193",
            new AgencyProfile("", "91320193MA12345670", null, 0, 10m, 5m, ["nope"], [new("类", "级", "机关", "N", Today, Today.AddDays(-1), ["feasibility-report"])],
                ["3201"]), Now));
        Assert.Equal(["name", "creditCode", "contact", "staffCount", "feeMax", "serviceTypes", "serviceAreas", "qualifications[0].validTo", "qualifications[0].covers"],
            bad.Errors.Keys.ToArray());
        Assert.Contains("GB 32100", bad.Errors["creditCode"][0]);
    }

    [Fact]
    public void A_quote_round_needs_three_invited_takes_quotes_until_the_deadline_and_the_lowest_wins()
    {
        var s = Selection.Create(SelectionMethod.LowestQuote, "320193", "u1", "申请人", "P", "P-001", Feasibility, Now);
        Assert.Contains("invited", Assert.Throws<Approval.Contracts.Errors.ValidationException>(() => s.Invite(["a", "b"], Now.AddDays(1), Now)).Errors.Keys);
        s.Invite(["a", "b", "c"], Now.AddHours(1), Now);
        s.AddQuote("a", 9000m, null, Now.AddMinutes(1));
        s.AddQuote("b", 7000m, null, Now.AddMinutes(2));
        s.AddQuote("c", 6500m, null, Now.AddMinutes(3));
        s.AddQuote("a", 6000m, "再议价", Now.AddMinutes(4));
        Assert.Throws<MarketplaceRuleException>(() => s.CloseQuotes(_ => true, Now.AddMinutes(30)));
        Assert.Contains("已过", Assert.Throws<MarketplaceRuleException>(() => s.AddQuote("b", 1m, null, Now.AddHours(2))).ChineseMessage);
        s.CloseQuotes(id => id != "a", Now.AddHours(2));
        Assert.Equal("c", s.ChosenAgencyId);
        Assert.Equal(3, s.Quotes.Count);
    }

    [Fact]
    public void A_commission_is_answered_in_time_then_started_delivered_ended_and_rated_once()
    {
        var calendar = WorkingCalendarTests.Demo;
        var s = Selection.Create(SelectionMethod.Direct, "320193", "u1", "申请人", "P", "P-001", Feasibility, Now);
        var agency = Verified("甲咨询", Q("Q1", Today.AddYears(-1), Today.AddYears(1), "feasibility-report"));
        s.ChooseDirectly(agency.Id.ToString(), Now);
        var c = Commission.Offer(s, agency, 5, Now);
        // Offered Mon 12 Oct, 2 working days to answer: lapsed only after Wed 14 Oct.
        Assert.False(CommissionClock.AnswerLapsed(c, 2, calendar, Now.AddDays(2)));
        Assert.True(CommissionClock.AnswerLapsed(c, 2, calendar, Now.AddDays(3)));
        Assert.Throws<MarketplaceRuleException>(() => c.Answer(true, null, lapsed: true, Now.AddDays(3)));
        Assert.Throws<MarketplaceRuleException>(() => c.Rate(1, null, Now));
        c.Answer(true, null, lapsed: false, Now.AddHours(1));
        c.Start(Now.AddHours(2));
        c.AddMilestone("现场踏勘", null, Now.AddDays(1));
        Assert.Throws<MarketplaceRuleException>(() => c.End(0, Now.AddDays(2)));
        var warning = CommissionClock.Service(c, calendar, WarningThreshold.Default, Now.AddDays(3))!;
        Assert.Equal(ClockState.Warning, warning.State);
        c.End(1, Now.AddDays(8));   // Tue 20 Oct: 6 working days used of 5
        Assert.False(CommissionClock.OnTime(c, calendar));
        Assert.Equal(ClockState.Overdue, CommissionClock.Service(c, calendar, WarningThreshold.Default, Now.AddDays(30))!.State);
        Assert.Contains("satisfaction", Assert.Throws<Approval.Contracts.Errors.ValidationException>(() => c.Rate(6, null, Now.AddDays(9))).Errors.Keys);
        c.Rate(2, "按时沟通", Now.AddDays(9));
        Assert.Throws<MarketplaceRuleException>(() => c.Rate(1, null, Now.AddDays(10)));
    }

    [Fact]
    public void A_deliverable_must_be_a_pdf_with_a_pdf_name()
    {
        Assert.Equal(5, Deliverable.CheckPdf("报告.pdf", Convert.ToBase64String("%PDF-"u8.ToArray())).Length);
        var bad = Assert.Throws<Approval.Contracts.Errors.ValidationException>(() => Deliverable.CheckPdf("报告.docx", Convert.ToBase64String("PK\u0003\u0004"u8.ToArray())));
        Assert.Equal(["fileName", "content"], bad.Errors.Keys.ToArray());
    }
}
