package io.goodword;

import io.goodword.account.AccountAuthenticator;
import io.goodword.account.AccountService;
import io.goodword.ask.AskFlow;
import io.goodword.ask.AskService;
import io.goodword.ask.AskStep;
import io.goodword.ask.ReferralAskStep;
import io.goodword.ask.Step;
import io.goodword.ask.TestimonialAskStep;
import io.goodword.audit.AuditLog;
import io.goodword.casestudy.CaseStudyService;
import io.goodword.referral.AttributionCookie;
import io.goodword.referral.Referrals;
import io.goodword.account.PublicSites;
import io.goodword.security.Auth;
import io.goodword.testimonial.PublicCache;
import io.goodword.testimonial.TestimonialDao;
import io.goodword.testimonial.TestimonialService;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The services of the features, shared by their controllers, the check-in flow and the background worker. */
record Services(Auth auth, AuditLog auditLog, AccountService accounts, TestimonialService testimonials,
                PublicCache publicCache, CaseStudyService caseStudies, Referrals referrals, PublicSites sites,
                Map<Step, AskStep> steps, AskService asks) {

    static Services of(Core c) {
        PublicCache publicCache = new PublicCache(c.jdbi(), c.lane(), c.config().publicCache());
        TestimonialService testimonials = new TestimonialService(c.jdbi(), c.outbox(), c.images(), publicCache,
                c.i18n(), c.clock(), c.baseUrl());
        Referrals referrals = Referrals.wire(c.jdbi(), c.outbox(), c.i18n(), c.throttle(),
                new AttributionCookie(c.secrets(), c.clock()), c.clock(), c.baseUrl());
        // The check-in flow shows the steps other features provide (AskStep), in the order AskFlow gives them.
        Map<Step, AskStep> steps = Stream.of(new TestimonialAskStep(testimonials, c.dao(TestimonialDao.class), c.guard()),
                new ReferralAskStep(referrals, c.guard())).collect(Collectors.toMap(AskStep::step, s -> s));
        Random delays = c.config().askDelaySeed() == null ? new Random() : new Random(c.config().askDelaySeed());
        AskService asks = new AskService(c.jdbi(), c.outbox(), c.i18n(), c.clock(), c.baseUrl(),
                new AskFlow(steps.keySet()), delays);
        return new Services(new Auth(new AccountAuthenticator(c.accounts()), c.clock()), new AuditLog(c.jdbi()),
                new AccountService(c.jdbi(), c.outbox(), c.i18n(), c.clock(), c.baseUrl()), testimonials, publicCache,
                new CaseStudyService(c.jdbi(), c.outbox(), c.i18n(), c.clock(), c.baseUrl()), referrals, new PublicSites(c.workspaces(), c.i18n()), steps, asks);
    }
}
