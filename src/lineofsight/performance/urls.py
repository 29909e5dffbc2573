from lineofsight.performance.pages.urls import urlpatterns as page_urls
from lineofsight.performance.upload.urls import urlpatterns as upload_urls

app_name = "performance"
urlpatterns = page_urls + upload_urls
