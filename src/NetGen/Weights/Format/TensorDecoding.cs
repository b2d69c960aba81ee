using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace NetGen.Safetensors;

/// <summary>
/// Turns a tensor's little-endian data into floats: F32 bit for bit, F16 and BF16 exactly (every value of theirs is
/// a float), F64 rounded to the nearest float (an error when a finite value is beyond float's range).
/// </summary>
internal static class TensorDecoding
{
    public static void Decode(TensorEntry tensor, ReadOnlySpan<byte> data, Span<float> destination, WeightFileErrors errors)
    {
        var dtype = tensor.DType;
        for (var i = 0; i < destination.Length; i++)
        {
            if (dtype == TensorDType.F32)
            {
                destination[i] = FromBits(BinaryPrimitives.ReadInt32LittleEndian(data.Slice(i * 4)));
            }
            else if (dtype == TensorDType.F16)
            {
                destination[i] = FromHalf(BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(i * 2)));
            }
            else if (dtype == TensorDType.BF16)
            {
                destination[i] = FromBits(BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(i * 2)) << 16);
            }
            else if (dtype == TensorDType.F64)
            {
                var value = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(data.Slice(i * 8)));
                var rounded = (float)value;
                if (float.IsInfinity(rounded) && !double.IsInfinity(value))
                {
                    throw errors.Damaged($"{tensor.Name} holds {value.ToString("R", CultureInfo.InvariantCulture)} at element {i}, beyond the range of float", tensor.Name);
                }

                destination[i] = rounded;
            }
            else
            {
                throw new InvalidOperationException($"{dtype} is not a readable dtype.");
            }
        }
    }

    /// <summary>IEEE 754 binary16 to binary32: sign, exponent rebiased from 15 to 127, mantissa widened; subnormals scaled.</summary>
    public static float FromHalf(ushort half)
    {
        var sign = (half >> 15) << 31;
        var exponent = (half >> 10) & 0x1F;
        var mantissa = half & 0x3FF;
        if (exponent == 0)
        {
            // Zero or subnormal: mantissa × 2⁻²⁴, exact in float.
            var magnitude = mantissa * (1f / 16777216f);
            return sign == 0 ? magnitude : -magnitude;
        }

        if (exponent == 0x1F)
        {
            return FromBits(sign | (0xFF << 23) | (mantissa << 13));
        }

        return FromBits(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    public static float FromBits(int bits)
    {
        var union = new FloatBits { Bits = bits };
        return union.Value;
    }

    public static int ToBits(float value)
    {
        var union = new FloatBits { Value = value };
        return union.Bits;
    }

    /// <summary>BitConverter.Int32BitsToSingle, which netstandard2.0 lacks.</summary>
    [StructLayout(LayoutKind.Explicit)]
    private struct FloatBits
    {
        [FieldOffset(0)]
        public int Bits;

        [FieldOffset(0)]
        public float Value;
    }
}
