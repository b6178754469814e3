package org.mtmanager.rest.resource;

import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.mtmanager.api.field.FieldSpec;
import org.mtmanager.api.setting.Setting;
import org.mtmanager.api.setting.SettingService;
import org.mtmanager.rest.support.Doc;
import org.mtmanager.rest.support.Params;
import org.mtmanager.rest.support.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /settings}: platform settings, some locked. */
@Path("/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class, property = RestResource.ORDER + ":Integer=40")
public class SettingResource implements RestResource {

    /** Body of a setting change. */
    public record SettingValue(String value) {
        /** The value as text, whatever the setting's type; its own rule (a number, a range, a list) is checked then. */
        public static final FieldSpec VALUE = FieldSpec.value("value").mandatory().example("30");
    }

    private final SettingService settings;

    @Activate
    public SettingResource(@Reference SettingService settings) {
        this.settings = settings;
    }

    @GET
    @Doc(value = "Every setting, locked ones included", returns = Setting.class, list = true)
    public List<Setting> list(@Context HttpServletRequest req) {
        return settings.list(Params.caller(req));
    }

    @GET
    @Path("{key}")
    @Doc(value = "One setting", returns = Setting.class)
    public Setting get(@Context HttpServletRequest req, @PathParam("key") String key) {
        return settings.get(Params.caller(req), key);
    }

    @PUT
    @Path("{key}")
    @Doc(value = "Change a setting's value (locked ones: platform administrators only)", body = SettingValue.class,
        returns = Setting.class)
    public Setting set(@Context HttpServletRequest req, @PathParam("key") String key, SettingValue value) {
        return settings.set(Params.caller(req), key, Params.body("setting value", value).value());
    }
}
