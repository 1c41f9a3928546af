package io.goodword.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AskFlowTest {

    @Test
    void scores_fall_into_promoters_passives_and_detractors() {
        assertThat(Segment.of(10)).isEqualTo(Segment.PROMOTER);
        assertThat(Segment.of(9)).isEqualTo(Segment.PROMOTER);
        assertThat(Segment.of(8)).isEqualTo(Segment.PASSIVE);
        assertThat(Segment.of(7)).isEqualTo(Segment.PASSIVE);
        assertThat(Segment.of(6)).isEqualTo(Segment.DETRACTOR);
        assertThat(Segment.of(0)).isEqualTo(Segment.DETRACTOR);
    }

    @Test
    void without_testimonial_and_referral_steps_happy_clients_finish_at_the_thank_you() {
        AskFlow flow = new AskFlow(Set.of());
        assertThat(flow.path(Segment.PROMOTER)).containsExactly(Step.SCORE, Step.DONE);
        assertThat(flow.path(Segment.PASSIVE)).containsExactly(Step.SCORE, Step.DONE);
    }

    @Test
    void detractors_are_asked_what_could_be_better_and_never_for_a_testimonial_or_referral() {
        AskFlow flow = new AskFlow(EnumSet.of(Step.TESTIMONIAL, Step.REFERRAL));
        assertThat(flow.path(Segment.DETRACTOR)).containsExactly(Step.SCORE, Step.FEEDBACK, Step.DONE);
        assertThat(flow.after(Step.SCORE, Segment.DETRACTOR)).isEqualTo(Step.FEEDBACK);
    }

    @Test
    void provided_steps_slot_in_promoters_get_the_referral_passives_do_not() {
        AskFlow flow = new AskFlow(EnumSet.of(Step.TESTIMONIAL, Step.REFERRAL));
        assertThat(flow.path(Segment.PROMOTER)).containsExactly(Step.SCORE, Step.THANKS, Step.TESTIMONIAL, Step.REFERRAL, Step.DONE);
        assertThat(flow.path(Segment.PASSIVE)).containsExactly(Step.SCORE, Step.THANKS, Step.TESTIMONIAL, Step.DONE);
        assertThat(flow.after(Step.TESTIMONIAL, Segment.PROMOTER)).isEqualTo(Step.REFERRAL);
        assertThat(flow.after(Step.TESTIMONIAL, Segment.PASSIVE)).isEqualTo(Step.DONE);
    }
}
