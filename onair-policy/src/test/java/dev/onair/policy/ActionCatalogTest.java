package dev.onair.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.policy.catalog.AccessLevel;
import dev.onair.policy.catalog.ActionCatalog;
import dev.onair.policy.catalog.ActionDefinition;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Service Authorization Reference data Onair ships. */
class ActionCatalogTest {
    @ParameterizedTest
    @ValueSource(strings = {"iam", "sts", "ivs", "s3", "cloudwatch", "servicequotas", "cloudtrail", "access-analyzer"})
    void catalog_coversService(String service) {
        assertThat(ActionCatalog.get().isKnownService(service)).isTrue();
        assertThat(ActionCatalog.get().expand(service + ":*")).isNotEmpty();
    }

    static Stream<Arguments> levels() {
        return Stream.of(
                Arguments.of("ivs:GetChannel", AccessLevel.READ),
                Arguments.of("ivs:ListChannels", AccessLevel.LIST),
                Arguments.of("ivs:CreateChannel", AccessLevel.WRITE),
                Arguments.of("ivs:TagResource", AccessLevel.TAGGING),
                Arguments.of("iam:AttachUserPolicy", AccessLevel.PERMISSIONS_MANAGEMENT),
                Arguments.of("s3:GetObject", AccessLevel.READ),
                Arguments.of("sts:AssumeRole", AccessLevel.WRITE));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("levels")
    void find_accessLevel(String action, AccessLevel level) {
        assertThat(ActionCatalog.get().find(action)).map(ActionDefinition::accessLevel).contains(level);
    }

    @Test
    void expand_wildcardIsCaseInsensitive() {
        assertThat(ActionCatalog.get().expand("IVS:get*")).extracting(ActionDefinition::fullName)
                .contains("ivs:GetChannel", "ivs:GetStreamKey").doesNotContain("ivs:ListChannels");
    }

    @Test
    void createChannel_hasTagConditionKeysAndResourceTypes() {
        ActionDefinition createChannel = ActionCatalog.get().find("ivs:CreateChannel").orElseThrow();
        assertThat(createChannel.conditionKeys()).contains("aws:RequestTag/${TagKey}", "aws:TagKeys");
        assertThat(createChannel.resourceTypes()).extracting(r -> r.name().toLowerCase())
                .contains("channel", "stream-key");
        assertThat(ActionCatalog.get().resourceTypes("ivs")).anySatisfy(type ->
                assertThat(type.arnTemplate()).isEqualTo("arn:${Partition}:ivs:${Region}:${Account}:channel/${ResourceId}"));
    }

    @Test
    void find_unknownAction() {
        assertThat(ActionCatalog.get().find("ivs:Frobnicate")).isEmpty();
    }
}
