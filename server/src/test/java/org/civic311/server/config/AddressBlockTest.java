package org.civic311.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressBlockTest {
  @Test
  void aBlockHoldsTheAddressesOfItsPrefix() {
    AddressBlock lan = AddressBlock.parse("10.1.0.0/16");
    assertThat(lan.contains("10.1.255.7")).isTrue();
    assertThat(lan.contains("10.2.0.1")).isFalse();
    AddressBlock odd = AddressBlock.parse("192.168.4.0/22");
    assertThat(odd.contains("192.168.7.255")).isTrue();
    assertThat(odd.contains("192.168.8.0")).isFalse();
    assertThat(AddressBlock.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
    assertThat(AddressBlock.parse("203.0.113.9").contains("203.0.113.9")).isTrue();
    assertThat(AddressBlock.parse("203.0.113.9").contains("203.0.113.10")).isFalse();
  }

  @Test
  void ipv6BlocksAndBracketedClientsWork() {
    assertThat(AddressBlock.parse("::1/128").contains("[::1]")).isTrue();
    assertThat(AddressBlock.parse("::1/128").contains("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(AddressBlock.parse("2001:db8::/32").contains("2001:db8:ff::1")).isTrue();
    assertThat(AddressBlock.parse("2001:db8::/32").contains("2001:db9::1")).isFalse();
    assertThat(AddressBlock.parse("::1/128").contains("127.0.0.1")).isFalse();
  }

  @Test
  void namesAndGarbageAreNeitherBlocksNorClients() {
    assertThatThrownBy(() -> AddressBlock.parse("localhost")).hasMessageContaining("is not an address block");
    assertThatThrownBy(() -> AddressBlock.parse("10.0.0.0/40")).hasMessageContaining("prefix length");
    assertThatThrownBy(() -> AddressBlock.parse("300.1.1.1/8")).hasMessageContaining("is not an address block");
    assertThat(AddressBlock.parse("127.0.0.0/8").contains("localhost")).isFalse();
    assertThat(AddressBlock.parse("127.0.0.0/8").contains(null)).isFalse();
  }
}
