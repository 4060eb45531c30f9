using System.Buffers.Binary;

namespace Approval.Licences.Rendering;

/// <summary>
/// Extracts one face of a TrueType collection (.ttc) as a standalone TrueType font: PDFsharp cannot read
/// collections. Copies the face's table directory and tables, rewriting the table offsets (4-byte aligned).
/// A file that is already a single font is returned unchanged.
/// </summary>
public static class TrueTypeCollection
{
    public static byte[] ExtractFace(byte[] file, int face = 0)
    {
        if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != 0x74746366 /* 'ttcf' */) return file;
        var count = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
        if (face < 0 || face >= count) throw new ArgumentOutOfRangeException(nameof(face), $"the collection has {count} faces");
        var start = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + 4 * face));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(start + 4));
        var headerLength = 12 + 16 * tables;

        var records = Enumerable.Range(0, tables).Select(i =>
        {
            var r = file.AsSpan(start + 12 + 16 * i);
            return (Record: start + 12 + 16 * i, Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(r[8..]), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(r[12..]));
        }).ToList();
        var size = headerLength + records.Sum(r => Align(r.Length));
        var output = new byte[size];
        file.AsSpan(start, headerLength).CopyTo(output);

        var position = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (_, offset, length) = records[i];
            file.AsSpan(offset, length).CopyTo(output.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + 16 * i + 8), (uint)position);
            position += Align(length);
        }
        return output;
    }

    private static int Align(int n) => (n + 3) & ~3;
}
