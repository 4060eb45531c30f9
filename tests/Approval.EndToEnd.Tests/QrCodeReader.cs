using System.Diagnostics;

namespace Approval.EndToEnd.Tests;

/// <summary>Renders the first page of a PDF (poppler's pdftoppm) and decodes its QR code (zbar's zbarimg).</summary>
public static class QrCodeReader
{
    public static async Task<string> DecodeFromPdfAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("licence-qr-");
        try
        {
            var pdfPath = Path.Combine(folder.FullName, "licence.pdf");
            await File.WriteAllBytesAsync(pdfPath, pdf);
            await RunAsync("pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", "-singlefile", pdfPath, Path.Combine(folder.FullName, "page"));
            var output = await RunAsync("zbarimg", "-q", "--raw", Path.Combine(folder.FullName, "page.png"));
            return output.Trim();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
