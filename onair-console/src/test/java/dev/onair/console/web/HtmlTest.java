package dev.onair.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "<script>alert(1)</script>|&lt;script&gt;alert(1)&lt;/script&gt;",
      "a & b|a &amp; b",
      "\" onmouseover=\"x|&quot; onmouseover=&quot;x",
      "it's|it&#39;s",
      "`tick`|&#96;tick&#96;",
      "plain text 123|plain text 123",
      "&amp;|&amp;amp;"})
  void escape_neutralisesMarkupInTextAndAttributes(String input, String expected) {
    assertThat(Html.escape(input)).isEqualTo(expected);
  }

  @Test
  void of_escapesTextHoles_butKeepsHtmlHoles() {
    Html inner = Html.of("<b>{}</b>", "<i>");
    Html page = Html.of("<p title=\"{}\">{} {}</p>", "\"x\"", inner, "<u>");
    assertThat(page.markup()).isEqualTo("<p title=\"&quot;x&quot;\"><b>&lt;i&gt;</b> &lt;u&gt;</p>");
  }

  @Test
  void of_nullHoleRendersNothing() {
    assertThat(Html.of("[{}]", (Object) null).markup()).isEqualTo("[]");
  }

  @Test
  void of_countMismatchIsAProgrammingError() {
    assertThatThrownBy(() -> Html.of("{} {}", "one")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Html.of("{}", "one", "two")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_holeMarkersInsideArgumentsAreNotExpanded() {
    assertThat(Html.of("{}-{}", "{}", "x").markup()).isEqualTo("{}-x");
  }

  @Test
  void text_andJoin() {
    assertThat(Html.join(List.of(Html.text("<a>"), Html.literal("<br>"))).markup()).isEqualTo("&lt;a&gt;<br>");
    assertThat(Html.text(null)).isEqualTo(Html.EMPTY);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "alice|alice",
      "a/b|a%2Fb",
      "a b|a%20b",
      "x?y#z|x%3Fy%23z",
      "a+b=c,d@e|a%2Bb%3Dc%2Cd%40e"})
  void segment_cannotChangeTheRoute(String name, String encoded) {
    assertThat(Html.segment(name)).isEqualTo(encoded);
  }
}
