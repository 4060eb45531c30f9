using Approval.Licences.Domain;
using Approval.Licences.Sealing;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Approval.Licences.Rendering;

/// <summary>
/// Renders a certificate as a one-page A4 PDF: its fields in Chinese (embedded CJK font subset), the issuing
/// department's seal picture drawn from the seal record, and a QR code of the public verification URL.
/// </summary>
public sealed class LicencePdfRenderer(IOptions<SealOptions> options)
{
    private static readonly XColor SealRed = XColor.FromArgb(210, 30, 30);

    public string VerificationUrl(string identifier) => $"{(options.Value.PublicBaseUrl ?? SealOptions.DevelopmentBaseUrl).TrimEnd('/')}/api/licences/verify/{identifier}";

    public byte[] Render(Licence l, Seal seal)
    {
        CjkFontResolver.Install(options.Value.FontPath);
        using var document = new PdfDocument();
        // the embedded font subset keeps the CJK face's full glyph index tables, and compressing them at zlib's default level
        // was most of a certificate's rendering CPU; the fastest level makes the PDF larger (about 97 KB instead of 59; issue 22)
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        document.Info.Title = l.LicenceName;
        document.Info.Subject = l.Identifier;
        document.Info.Author = l.IssuerName;
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var title = new XFont(CjkFontResolver.Family, 26);
            var label = new XFont(CjkFontResolver.Family, 12);
            var small = new XFont(CjkFontResolver.Family, 9);
            var width = page.Width.Point;

            g.DrawString("中华人民共和国", label, XBrushes.Black, new XRect(0, 60, width, 20), XStringFormats.Center);
            g.DrawString(l.LicenceName, title, XBrushes.Black, new XRect(0, 90, width, 40), XStringFormats.Center);
            g.DrawString($"编号 {l.Identifier}", small, XBrushes.Black, new XRect(0, 135, width, 16), XStringFormats.Center);

            // below the table (up to 19 rows: 16 content fields and three more) the issuer, the seal and the QR code fit on the page
            var y = DrawTable(g, Rows(l), 175, width);
            DrawSeal(g, seal, new XPoint(width - 170, y + 70));
            g.DrawString($"发证机关：{l.IssuerName}", label, XBrushes.Black, 70, y + 30);
            g.DrawString($"发证日期：{l.IssuedAt.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日}", label, XBrushes.Black, 70, y + 52);

            DrawQrCode(g, VerificationUrl(l.Identifier), new XRect(70, y + 65, 95, 95));
            g.DrawString("扫码核验证照真伪", small, XBrushes.Black, 70, y + 172);
            g.DrawString($"电子印章 {seal.SealCode} · SM2/SM3 · {Canonical.Time(l.SealedAt)}", small, XBrushes.Gray, 70, page.Height.Point - 40);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>
    /// 照面信息 as the national templates lay them out: a ruled table of label and value, one row a field, "/" where no
    /// value is stated; a value too long for one line is set smaller over two. Returns the y below the table.
    /// </summary>
    private static double DrawTable(XGraphics g, IReadOnlyList<(string Name, string Value)> rows, double top, double width)
    {
        const double left = 60, labelWidth = 150, rowHeight = 24;
        var right = width - left;
        var font = new XFont(CjkFontResolver.Family, 11);
        var smaller = new XFont(CjkFontResolver.Family, 8);
        var pen = new XPen(XColors.Black, 0.6);
        var y = top;
        foreach (var (name, value) in rows)
        {
            g.DrawRectangle(pen, left, y, labelWidth, rowHeight);
            g.DrawRectangle(pen, left + labelWidth, y, right - left - labelWidth, rowHeight);
            g.DrawString(name, font, XBrushes.Black, new XRect(left + 6, y, labelWidth - 12, rowHeight), XStringFormats.CenterLeft);
            var cell = new XRect(left + labelWidth + 6, y, right - left - labelWidth - 12, rowHeight);
            if (g.MeasureString(value, font).Width <= cell.Width) g.DrawString(value, font, XBrushes.Black, cell, XStringFormats.CenterLeft);
            else new PdfSharp.Drawing.Layout.XTextFormatter(g).DrawString(value, smaller, XBrushes.Black, new XRect(cell.X, y + 2, cell.Width, rowHeight - 2));
            y += rowHeight;
        }
        return y;
    }

    /// <summary>
    /// The table's rows: the type's content fields ("/" where none is stated) — or, for a certificate without 照面信息 (its
    /// type declares none), the holder, project, item and issuer — then the project code, the decision and the validity.
    /// </summary>
    private static List<(string, string)> Rows(Licence l) =>
    [
        ..l.Content.Count > 0
            ? l.Content.Select(f => (f.Name, string.IsNullOrWhiteSpace(f.Value) ? "/" : f.Value))
            : [("持证单位", l.Holder), ("项目名称", l.ProjectName), ("审批事项", l.ItemCode), ("发证机关信用代码", l.IssuerCreditCode)],
        ("项目代码", l.ProjectCode),
        ("审批意见", l.Decision),
        ("有效期", l.ValidTo is { } to
            ? $"{(l.ValidFrom ?? l.IssuedAt).ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日}至{to.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日}"
            : "长期"),
    ];

    /// <summary>The seal picture: a red ring with a five-pointed star, the seal name and its code.</summary>
    private static void DrawSeal(XGraphics g, Seal seal, XPoint centre)
    {
        const double radius = 60;
        var pen = new XPen(SealRed, 3);
        g.DrawEllipse(pen, centre.X - radius, centre.Y - radius, 2 * radius, 2 * radius);
        var star = Enumerable.Range(0, 10).Select(i =>
        {
            var r = i % 2 == 0 ? 18 : 7;
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            return new XPoint(centre.X + r * Math.Cos(angle), centre.Y + r * Math.Sin(angle));
        }).ToArray();
        g.DrawPolygon(new XSolidBrush(SealRed), star, XFillMode.Winding);
        var name = new XFont(CjkFontResolver.Family, 8);
        var holder = seal.HolderName.Length > 12 ? seal.HolderName[..12] : seal.HolderName;
        g.DrawString(holder, name, new XSolidBrush(SealRed), new XRect(centre.X - radius, centre.Y - 36, 2 * radius, 12), XStringFormats.Center);
        g.DrawString("电子证照专用章", name, new XSolidBrush(SealRed), new XRect(centre.X - radius, centre.Y + 22, 2 * radius, 12), XStringFormats.Center);
        g.DrawString(seal.SealCode, name, new XSolidBrush(SealRed), new XRect(centre.X - radius, centre.Y + 34, 2 * radius, 12), XStringFormats.Center);
    }

    /// <summary>
    /// The QR code (with its quiet zone) as vector modules, each row's dark runs one rectangle of a single path: no bitmap
    /// to encode as PNG and decode again (PDFsharp's PNG import was 6 % of Licences' CPU samples under the bench's load;
    /// issue 22), and the code stays sharp at any zoom.
    /// </summary>
    private static void DrawQrCode(XGraphics g, string text, XRect area)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = area.Width / modules.Count;
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var row = 0; row < modules.Count; row++)
        {
            var dark = modules[row];
            for (var column = 0; column < dark.Length; column++)
            {
                if (!dark[column]) continue;
                var start = column;
                while (column + 1 < dark.Length && dark[column + 1]) column++;
                path.AddRectangle(area.X + start * size, area.Y + row * size, (column - start + 1) * size, size);
            }
        }
        g.DrawPath(XBrushes.Black, path);
    }
}
