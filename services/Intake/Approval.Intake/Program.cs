using Approval.Intake;
using Approval.Intake.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddIntake; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<IntakeDbContext>(args, b => b.AddIntake(), app =>
{
    app.UseRequestBodyLimit();
    app.MapIntakeApi();
});
