using Approval.Exchange;
using Approval.Exchange.Api;
using Approval.Exchange.Data;
using Approval.ServiceDefaults;

// AddServiceDefaults, AddExchange; the common pipeline and /health, then its endpoints; migrate, start (ApprovalService).
await ApprovalService.RunAsync<ExchangeDbContext>(args, b => b.AddExchange(), app => app.MapExchangeApi());
