package io.goodword.client;

import io.goodword.web.FormErrors;
import io.goodword.web.Validation;
import io.javalin.http.Context;
import java.time.LocalDate;

/** A milestone as typed. */
public record MilestoneForm(String name, String dueDate) {
    public static MilestoneForm empty() { return new MilestoneForm("", ""); }

    public static MilestoneForm from(Context ctx) {
        return new MilestoneForm(Validation.clean(ctx.formParam("name")), Validation.clean(ctx.formParam("dueDate")));
    }

    public FormErrors validate() {
        FormErrors e = FormErrors.none();
        e.required("name", name).maxLength("name", name, 200);
        if (!dueDate.isEmpty() && ProjectForm.date(dueDate) == null) e.add("dueDate", "client.project.error.date");
        return e;
    }

    public LocalDate due() { return ProjectForm.date(dueDate); }
}
