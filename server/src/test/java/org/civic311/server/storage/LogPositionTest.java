package org.civic311.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogPositionTest {
  @Test
  void theTextFormIsPostgresqlsAndReadsBack() {
    long position = 0x16L << 32 | 0xB374D848L;
    assertThat(LogPosition.format(position)).isEqualTo("16/B374D848");
    assertThat(LogPosition.parse("16/B374D848")).hasValue(position);
    assertThat(LogPosition.parse("0/0")).hasValue(0);
    assertThat(LogPosition.parse("ffffffff/ffffffff")).hasValue(-1L >>> 0);
  }

  @Test
  void anythingElseIsNoPosition() {
    for (String bad : new String[] {null, "", "/", "1/", "/1", "12", "1/2/3", "g/1", "123456789/1", "1/123456789",
        " 1/2", "-1/2"}) {
      assertThat(LogPosition.parse(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }
}
