namespace NetGen.Safetensors.Json;

/// <summary>Strict UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing past U+10FFFF.</summary>
internal static class Utf8Validation
{
    /// <summary>The offset of the first byte that does not start a valid sequence, or -1 when the text is valid.</summary>
    public static int FindInvalidByte(byte[] text, int length)
    {
        var i = 0;
        while (i < length)
        {
            var lead = text[i];
            if (lead < 0x80)
            {
                i++;
                continue;
            }

            // The lead byte fixes the sequence length and the range of the second byte (which excludes
            // overlong forms, surrogates and code points past U+10FFFF); later bytes are 0x80–0xBF.
            int count;
            byte low = 0x80, high = 0xBF;
            if (lead is >= 0xC2 and <= 0xDF)
            {
                count = 2;
            }
            else if (lead is >= 0xE0 and <= 0xEF)
            {
                count = 3;
                low = lead == 0xE0 ? (byte)0xA0 : (byte)0x80;
                high = lead == 0xED ? (byte)0x9F : (byte)0xBF;
            }
            else if (lead is >= 0xF0 and <= 0xF4)
            {
                count = 4;
                low = lead == 0xF0 ? (byte)0x90 : (byte)0x80;
                high = lead == 0xF4 ? (byte)0x8F : (byte)0xBF;
            }
            else
            {
                return i;
            }

            if (i + count > length || text[i + 1] < low || text[i + 1] > high)
            {
                return i;
            }

            for (var k = 2; k < count; k++)
            {
                if (text[i + k] is < 0x80 or > 0xBF)
                {
                    return i;
                }
            }

            i += count;
        }

        return -1;
    }
}
