using System;
using NetGen.Kernels;
using Xunit;

namespace NetGen.Tests.Kernels;

/// <summary>The panel transposes move every value to the same place as an element-by-element transpose, bit for bit.</summary>
public class PanelTransposeTests
{
    /// <summary>Every width and remainder up to 17 (the narrow rows' and the last features' own transposes), then wider rows.</summary>
    public static TheoryData<int> Features()
    {
        var features = new TheoryData<int>();
        for (var width = 1; width <= 17; width++)
        {
            features.Add(width);
        }

        foreach (var width in new[] { 18, 19, 20, 21, 22, 23, 24, 28, 31, 32, 33, 36, 40, 45, 48, 64, 128, 256, 512, 784 })
        {
            features.Add(width);
        }

        return features;
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void In_and_out_match_the_element_by_element_transpose(int features)
    {
        foreach (var panelRows in new[] { 8, 16, 32 })
        {
            for (var count = 1; count <= panelRows; count++)
            {
                var random = new Random((features * 1000) + (panelRows * 40) + count);
                var rows = new float[(features * count) + 1];
                for (var i = 0; i < rows.Length; i++)
                {
                    rows[i] = BitConverter.Int32BitsToSingle(random.Next());
                }

                var panel = new float[(features * panelRows) + 1];
                panel.AsSpan().Fill(float.NaN);
                PanelTranspose.In(ref rows[0], ref panel[0], features, count, panelRows);
                for (var feature = 0; feature < features; feature++)
                {
                    for (var lane = 0; lane < panelRows; lane++)
                    {
                        var expected = lane < count ? rows[(lane * features) + feature] : 0f;
                        Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(panel[(feature * panelRows) + lane]));
                    }
                }

                Assert.True(float.IsNaN(panel[^1]), "In wrote past its panel");

                var back = new float[rows.Length];
                back[^1] = float.NaN;
                PanelTranspose.Out(ref panel[0], ref back[0], features, count, panelRows);
                for (var i = 0; i < features * count; i++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(rows[i]), BitConverter.SingleToInt32Bits(back[i]));
                }

                Assert.True(float.IsNaN(back[^1]), "Out wrote past its rows");
            }
        }
    }
}
